package dev.aiaas.monitoring.loop;

import dev.aiaas.monitoring.client.RegistryCalls;
import dev.aiaas.monitoring.client.ServingCalls;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.VersionBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the loop changes in serving and the registry, in the caller's project: the endpoint's
 * bindings (its champion as it is declared, with the challenger alias as shadow or canary), the
 * champion alias on promotion, and the challenger alias and a tag when a run ends.
 */
@ApplicationScoped
public class TrafficMoves {

    /** The alias a retraining job registers its version under. */
    public static final String CHALLENGER = "challenger";
    /** The tag a tried version gets: "promoted" or "rolled-back". */
    public static final String OUTCOME_TAG = "aiaas.retraining";

    @Inject
    ServingCalls serving;

    @Inject
    RegistryCalls registry;

    /** Copies {@code policy.shadowShare} of the endpoint's requests to the challenger. */
    public void shadow(Deployment deployment, RetrainingPolicy policy) {
        serving.deploy(championOnly(deployment)
                .setShadow(VersionBinding.newBuilder().setAlias(CHALLENGER))
                .setShadowShare(policy.shadowShare())
                .build());
    }

    /** Lets the challenger answer {@code policy.canaryWeight} of the endpoint's requests. */
    public void canary(Deployment deployment, RetrainingPolicy policy) {
        serving.deploy(championOnly(deployment)
                .setChallenger(VersionBinding.newBuilder().setAlias(CHALLENGER))
                .setChallengerWeight(policy.canaryWeight())
                .build());
    }

    /**
     * Makes {@code version} the endpoint's champion: the alias the endpoint follows moves to it
     * (serving follows), or, for an endpoint pinned to a version, the endpoint is pinned to it.
     */
    public void promote(Deployment deployment, long version) {
        if (!deployment.getAlias().isEmpty()) {
            registry.setAlias(deployment.getModelName(), deployment.getAlias(), version);
            serving.deploy(championOnly(deployment).build());
        } else {
            serving.deploy(championOnly(deployment).setVersion(version).build());
        }
        retire(deployment.getModelName(), version, "promoted");
    }

    /** Takes the challenger out of the endpoint's traffic; the champion serves alone. */
    public void rollBack(Deployment deployment, long version) {
        serving.deploy(championOnly(deployment).build());
        retire(deployment.getModelName(), version, "rolled-back");
    }

    private void retire(String model, long version, String outcome) {
        registry.deleteAlias(model, CHALLENGER);
        registry.tag(model, version, OUTCOME_TAG, outcome);
    }

    private static DeployRequest.Builder championOnly(Deployment deployment) {
        DeployRequest.Builder request = DeployRequest.newBuilder()
                .setEndpoint(deployment.getEndpoint())
                .setModelName(deployment.getModelName())
                .setBatching(deployment.getBatching());
        return deployment.getAlias().isEmpty() ? request.setVersion(deployment.getVersion())
                : request.setAlias(deployment.getAlias());
    }
}
