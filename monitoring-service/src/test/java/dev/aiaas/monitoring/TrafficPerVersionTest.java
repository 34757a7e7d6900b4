package dev.aiaas.monitoring;

import static dev.aiaas.monitoring.AnsweredRequests.awaitCounted;
import static dev.aiaas.monitoring.AnsweredRequests.classified;
import static dev.aiaas.monitoring.AnsweredRequests.log;
import static dev.aiaas.monitoring.AnsweredRequests.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.GetModelMetricsRequest;
import dev.aiaas.proto.monitoring.v1.ModelMetrics;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.VersionMetrics;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every traffic figure per model version and role: the endpoint's own figures count what clients
 * got (champion and challenger), and each version's figures, a shadow's included, are reported
 * apart.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class TrafficPerVersionTest {

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Test
    void theEndpointCountsWhatClientsGotAndEachVersionIsCountedInItsRole() throws Exception {
        String endpoint = LoggedPredictions.endpoint("per-version");
        Instant now = Instant.now();
        List<PredictionLogged> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // the champion answers 6, one of them failed
            PredictionLogged answered = classified(Projects.DEFAULT, endpoint, requestId(), 1, now, new int[] {0}, List.of());
            events.add(i == 0 ? answered.toBuilder().setStatus("INTERNAL").build() : answered);
        }
        for (int i = 0; i < 3; i++) { // the challenger answers 3, and the shadow gets a copy of 2 of them
            String request = requestId();
            events.add(role(classified(Projects.DEFAULT, endpoint, request, 2, now, new int[] {1}, List.of()), "challenger"));
            if (i < 2) {
                events.add(role(classified(Projects.DEFAULT, endpoint, request, 3, now, new int[] {1}, List.of()), "shadow"));
            }
        }
        log(events);
        awaitCounted(monitoring, endpoint, 9);
        ModelMetrics metrics = awaitVersions(endpoint, 11);

        assertThat(metrics.getRequestCount()).as("champion and challenger, not the shadow's copies").isEqualTo(9);
        assertThat(metrics.getErrorCount()).isEqualTo(1);
        assertThat(metrics.getWindowsList().stream().mapToLong(w -> w.getRequestCount()).sum()).isEqualTo(9);
        assertThat(metrics.getVersionsList())
                .extracting(VersionMetrics::getModelVersion, VersionMetrics::getRole, VersionMetrics::getRequestCount,
                        VersionMetrics::getErrorCount)
                .containsExactly(tuple(1L, "champion", 6L, 1L), tuple(2L, "challenger", 3L, 0L),
                        tuple(3L, "shadow", 2L, 0L));
        assertThat(metrics.getVersions(2).getLatency().getP50Seconds()).isPositive();
    }

    private static PredictionLogged role(PredictionLogged event, String role) {
        return event.toBuilder().setRole(role).build();
    }

    private ModelMetrics awaitVersions(String endpoint, long requests) throws InterruptedException {
        ModelMetrics metrics = null;
        for (int i = 0; i < 150; i++) {
            metrics = monitoring.getModelMetrics(GetModelMetricsRequest.newBuilder().setEndpoint(endpoint).build());
            if (metrics.getVersionsList().stream().mapToLong(VersionMetrics::getRequestCount).sum() >= requests) {
                return metrics;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the versions of " + endpoint + " never counted " + requests + " requests: " + metrics);
    }
}
