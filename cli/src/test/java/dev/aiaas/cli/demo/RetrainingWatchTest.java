package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertState;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.ListAlertsResponse;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsResponse;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetrainingWatchTest {

    private final Monitoring monitoring = new Monitoring();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(monitoring).build()
                .start();
        channel = Grpc.newChannelBuilderForAddress("localhost", server.getPort(), InsecureChannelCredentials.create())
                .build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void eachNewDecisionAndTheAlertArePrintedAsTheyComeUntilAPromotionEndsTheRun() throws Exception {
        Decision old = decision("d0", DecisionAction.SKIP, "an earlier run's");
        Decision retrain = decision("d1", DecisionAction.RETRAIN, "alert drift fired");
        Decision shadow = decision("d2", DecisionAction.START_SHADOW, "trained");
        Decision promote = decision("d3", DecisionAction.PROMOTE, "better");
        Alert fired = Alert.newBuilder().setId("a1").setRule("drift").setState(AlertState.FIRING)
                .setSummary("the input drifted").build();
        monitoring.decisions.addAll(List.of(List.of(old), List.of(retrain, old),
                List.of(promote, shadow, retrain, old)));
        monitoring.alerts.addAll(List.of(List.of(), List.of(fired)));

        List<Decision> run = watch().awaitRunEnd(Duration.ofMinutes(1));

        assertThat(run).containsExactly(retrain, shadow, promote);
        assertThat(output()).contains("drift-iris: ").contains(" alert drift fired: the input drifted")
                .contains("drift-iris: decision ").contains(" retrain (v1 → -): alert drift fired")
                .contains(" promote (v1 → v2): better").doesNotContain("an earlier run's");
        assertThat(output().indexOf("alert drift fired:")).isLessThan(output().indexOf("start-shadow"));
    }

    @Test
    void noRunEndedInTimeIsAFailureSayingWhatWasLastSeenAndWhereToLook() {
        monitoring.decisions.addAll(List.of(List.of(), List.of(decision("d1", DecisionAction.RETRAIN, "alert drift "
                + "fired"))));

        assertThatThrownBy(() -> watch().awaitRunEnd(Duration.ofMillis(500)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no retraining run of drift-iris ended within 0.5s: last decision: ")
                .hasMessageContaining(" retrain (v1 → -): alert drift fired; no alert has fired; traffic: 42 requests "
                        + "sent, 0 failures. Look further: aiaas alerts list drift-iris, aiaas drift drift-iris, aiaas "
                        + "retraining decisions drift-iris (a longer wait: --timeout)");
    }

    private RetrainingWatch watch() {
        return new RetrainingWatch(MonitoringServiceGrpc.newBlockingStub(channel),
                new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8)), "drift-iris",
                () -> "42 requests sent, 0 failures");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Decision decision(String id, DecisionAction action, String reason) {
        return DriftScenarioTest.decision(id, action, reason, Map.of()).toBuilder().setEndpoint("drift-iris").build();
    }

    /** Answers each listing with the next of its answers, then the last one again. */
    private static final class Monitoring extends MonitoringServiceGrpc.MonitoringServiceImplBase {

        final List<List<Decision>> decisions = new ArrayList<>();
        final List<List<Alert>> alerts = new ArrayList<>();

        @Override
        public synchronized void listDecisions(ListDecisionsRequest request,
                StreamObserver<ListDecisionsResponse> response) {
            List<Decision> next = decisions.size() > 1 ? decisions.remove(0) : decisions.get(0);
            response.onNext(ListDecisionsResponse.newBuilder().addAllDecisions(next.stream()
                    .filter(d -> d.getEndpoint().equals(request.getEndpoint())).toList()).build());
            response.onCompleted();
        }

        @Override
        public synchronized void listAlerts(ListAlertsRequest request, StreamObserver<ListAlertsResponse> response) {
            List<Alert> next = alerts.isEmpty() ? List.of() : alerts.size() > 1 ? alerts.remove(0) : alerts.get(0);
            response.onNext(ListAlertsResponse.newBuilder().addAllAlerts(next).build());
            response.onCompleted();
        }
    }
}
