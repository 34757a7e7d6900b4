package dev.aiaas.monitoring;

import static dev.aiaas.monitoring.AnsweredRequests.awaitCounted;
import static dev.aiaas.monitoring.AnsweredRequests.classified;
import static dev.aiaas.monitoring.AnsweredRequests.labels;
import static dev.aiaas.monitoring.AnsweredRequests.log;
import static dev.aiaas.monitoring.AnsweredRequests.requestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.events.v1.PredictionLogged;
import dev.aiaas.proto.monitoring.v1.Alert;
import dev.aiaas.proto.monitoring.v1.AlertKind;
import dev.aiaas.proto.monitoring.v1.AlertRule;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.ListAlertsRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.SetAlertRulesRequest;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An ACCURACY rule holds live accuracy to a baseline: the one it states, or, stating none, the
 * test accuracy the registry holds for the version that answered (a stand-in registry here:
 * iris v1 was tested at 0.93). Half the rows right fires either.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@TestProfile(DashboardProfile.class)
class AccuracyAlertTest {

    static final List<String> SPECIES = List.of("setosa", "versicolor");

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Test
    void liveAccuracyUnderTheRulesOwnBaselineByTheMarginFires() throws Exception {
        Alert fired = halfRightThenAlert(LoggedPredictions.endpoint("accuracy-stated"), 0.9);

        assertThat(fired.getFiredValue()).isEqualTo(0.5);
        assertThat(fired.getThreshold()).isCloseTo(0.8, within(1e-9));
        assertThat(fired.getDescription()).contains("the rule's baseline 0.9000");
    }

    @Test
    void aRuleWithoutABaselineHoldsLiveAccuracyToTheVersionsRegisteredTestAccuracy() throws Exception {
        Alert fired = halfRightThenAlert(LoggedPredictions.endpoint("accuracy-registered"), 0);

        assertThat(fired.getThreshold()).isCloseTo(0.93 - 0.1, within(1e-9));
        assertThat(fired.getDescription()).contains("the test accuracy of iris v1 0.9300");
    }

    /** 20 requests of iris v1, one row each, half answered right; a rule with margin 0.1; the alert once it fires. */
    private Alert halfRightThenAlert(String endpoint, double baseline) throws Exception {
        monitoring.setAlertRules(SetAlertRulesRequest.newBuilder().setEndpoint(endpoint).addRules(AlertRule.newBuilder()
                .setName("accuracy").setKind(AlertKind.ACCURACY).setThreshold(0.1).setBaselineAccuracy(baseline)
                .setMinSamples(20).setForEvaluations(1).setClearEvaluations(1)).build());
        List<PredictionLogged> answers = new ArrayList<>();
        RecordGroundTruthRequest.Builder truths = RecordGroundTruthRequest.newBuilder();
        for (int i = 0; i < 20; i++) {
            String id = requestId();
            answers.add(classified(Projects.DEFAULT, endpoint, id, 1, Instant.now(), new int[] {0}, SPECIES));
            GroundTruth truth = labels(endpoint, id, SPECIES.get(i % 2));
            truths.addGroundTruth(truth);
        }
        log(answers);
        awaitCounted(monitoring, endpoint, 20);
        assertThat(monitoring.recordGroundTruth(truths.build()).getAccepted()).isEqualTo(20);
        for (int i = 0; i < 150; i++) {
            List<Alert> alerts = monitoring.listAlerts(ListAlertsRequest.newBuilder().setEndpoint(endpoint).build())
                    .getAlertsList();
            if (!alerts.isEmpty()) {
                return alerts.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the accuracy alert of " + endpoint + " never fired");
    }
}
