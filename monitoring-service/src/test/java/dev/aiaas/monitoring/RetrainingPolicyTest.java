package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.monitoring.loop.RetrainingLoop;
import dev.aiaas.proto.monitoring.v1.GetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.ListDecisionsRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.SetRetrainingPolicyRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Retraining policies as set and read, what is refused with the field to fix, and a pass of the
 * loop while the services it would call do not answer (in module tests the peers' clients reach
 * monitoring's own server, which refuses their calls): it decides nothing and starts no run. (The whole loop,
 * from an alert to a promotion or a rollback, runs against the real services in e2e's
 * RetrainingLoopIT.)
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class RetrainingPolicyTest {

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    RetrainingLoop loop;

    @Test
    void unsetFieldsTakeTheirDefaultsAndThePolicyReadsBackAsSet() {
        RetrainingPolicy set = set(policy("iris-defaults").toBuilder().setTriggerNewRecords(500)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(12)).build());

        assertThat(set.getShadowShare()).isEqualTo(100);
        assertThat(set.getShadowMinSamples()).isEqualTo(50);
        assertThat(set.getCanaryWeight()).isEqualTo(10);
        assertThat(set.getCanaryMinSamples()).isEqualTo(100);
        assertThat(set.getPromoteMargin()).isZero();
        assertThat(set.getRollbackMargin()).isEqualTo(0.02);
        assertThat(set.getMaxErrorRateIncrease()).isEqualTo(0.01);
        assertThat(set.getMaxLatencyRatio()).isEqualTo(2.0);
        assertThat(set.getStageTimeoutSeconds()).isEqualTo(86_400);
        assertThat(set.getHyperparameters().getEpochs()).isEqualTo(12);
        assertThat(set.getTriggerAlertsList()).containsExactly("drift");
        assertThat(set.hasUpdatedAt()).isTrue();
        assertThat(set.hasLastRun()).as("never ran").isFalse();
        assertThat(monitoring.getRetrainingPolicy(GetRetrainingPolicyRequest.newBuilder().setEndpoint("iris-defaults")
                .build())).isEqualTo(set);
    }

    @Test
    void aPolicyThatCannotWorkIsRefusedNamingTheFieldToFix() {
        assertRefused(p -> p.clearTriggerAlerts(), "needs a trigger");
        assertRefused(p -> p.setCanaryWeight(101), "canary_weight");
        assertRefused(p -> p.setShadowShare(-1), "shadow_share");
        assertRefused(p -> p.setShadowMinSamples(-2), "shadow_min_samples");
        assertRefused(p -> p.setMaxLatencyRatio(0.5), "max_latency_ratio");
        assertRefused(p -> p.setRollbackMargin(-0.1), "rollback_margin");
        assertRefused(p -> p.addTriggerAlerts("drift"), "distinct");
        assertRefused(p -> p.setEndpoint("Not A Name"), "endpoint");
        assertRefused(p -> p.setHyperparameters(Hyperparameters.newBuilder().setEpochs(-1)), "hyperparameters");
    }

    @Test
    void anEndpointWithoutAPolicyIsNotFoundAndAnotherProjectsPolicyIsNotSeen() {
        set(policy("iris-beta-only"));

        assertThatThrownBy(() -> ProjectHeader.on(monitoring, "beta").getRetrainingPolicy(
                GetRetrainingPolicyRequest.newBuilder().setEndpoint("iris-beta-only").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("SetRetrainingPolicy");
                });
    }

    @Test
    void aListingOfDecisionsIsBounded() {
        assertThatThrownBy(() -> monitoring.listDecisions(ListDecisionsRequest.newBuilder().setLimit(1001).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void aPassWhoseCallsAreRefusedDecidesNothingAndStartsNoRun() {
        // 1 new record triggers: the pass must ask serving for the champion, and no serving answers here
        set(policy("iris-away").toBuilder().clearTriggerAlerts().setTriggerNewRecords(1).build());

        assertThat(loop.pass()).as("the pass ran (it held the loop's lock)").isTrue();

        assertThat(monitoring.listDecisions(ListDecisionsRequest.newBuilder().setEndpoint("iris-away").build())
                .getDecisionsList()).isEmpty();
        assertThat(monitoring.getRetrainingPolicy(GetRetrainingPolicyRequest.newBuilder().setEndpoint("iris-away")
                .build()).hasLastRun()).isFalse();
    }

    private RetrainingPolicy set(RetrainingPolicy policy) {
        return monitoring.setRetrainingPolicy(SetRetrainingPolicyRequest.newBuilder().setPolicy(policy).build());
    }

    private static RetrainingPolicy policy(String endpoint) {
        return RetrainingPolicy.newBuilder().setEndpoint(endpoint).setEnabled(true).addTriggerAlerts("drift").build();
    }

    private void assertRefused(UnaryOperator<RetrainingPolicy.Builder> change, String named) {
        RetrainingPolicy policy = change.apply(policy("iris-refused").toBuilder()).build();
        assertThatThrownBy(() -> set(policy)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).as(named).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).contains(named);
        });
    }
}
