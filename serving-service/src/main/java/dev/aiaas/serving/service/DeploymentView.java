package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.TrafficSplit;
import java.time.Instant;

/**
 * What a deployment looks like from outside: its project and name, binding, batching, version
 * serving, state and why; its challenger and shadow (null when not bound), each with the same
 * figures; and how traffic is shared.
 */
public record DeploymentView(String project, String endpoint, Binding binding, BatchPolicy batching,
        long servingVersion, String state, String message, Instant updatedAt, long modelMemoryBytes,
        int queuedRequests, Bound challenger, Bound shadow, TrafficSplit traffic) {

    /** One role's binding as served: the version loaded for it, its state and why, memory and queue. */
    public record Bound(Binding binding, long servingVersion, String state, String message, long modelMemoryBytes,
            int queuedRequests) {
    }

    /** The declaration this view shows, to deploy again as it is. */
    public DesiredDeployment declared() {
        return new DesiredDeployment(project, endpoint, binding, batching,
                challenger == null ? null : challenger.binding(), shadow == null ? null : shadow.binding(), traffic);
    }

    static DeploymentView of(Endpoint endpoint) {
        DesiredDeployment desired = endpoint.desired;
        Bound champion = bound(desired.binding(), endpoint.champion());
        return new DeploymentView(endpoint.project, endpoint.name, desired.binding(), desired.batching(),
                champion.servingVersion(), champion.state(), champion.message(), endpoint.updatedAt,
                champion.modelMemoryBytes(), champion.queuedRequests(),
                bound(desired.challenger(), endpoint.lane(Role.CHALLENGER)),
                bound(desired.shadow(), endpoint.lane(Role.SHADOW)), desired.traffic());
    }

    private static Bound bound(Binding binding, VersionLane lane) {
        if (binding == null) {
            return null;
        }
        if (lane == null) { // declared, its lane not opened yet
            return new Bound(binding, 0, "LOADING", "", 0, 0);
        }
        ServedModel serving = lane.current();
        String state = lane.failed ? "FAILED" : serving == null ? "LOADING" : "READY";
        return new Bound(binding, serving == null ? 0 : serving.version().version(), state, lane.message,
                serving == null ? 0 : serving.memoryBytes(), lane.queue.queued());
    }
}
