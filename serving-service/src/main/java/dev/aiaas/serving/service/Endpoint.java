package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.EndpointKey;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.ServedModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One endpoint of one project in this process: its declaration and a lane per bound role — the
 * champion always, a challenger and a shadow when declared — each with its version and queue.
 * Changes to one endpoint are serialised by {@link Deployments}; requests read it concurrently.
 */
final class Endpoint {

    final EndpointKey key;
    final String project;
    final String name;
    volatile DesiredDeployment desired;
    volatile Instant updatedAt = Instant.now();
    private final int engineThreads;
    private final Map<Role, VersionLane> lanes = new ConcurrentHashMap<>();

    Endpoint(DesiredDeployment desired, int engineThreads) {
        this.key = desired.key();
        this.project = desired.project();
        this.name = desired.endpoint();
        this.desired = desired;
        this.engineThreads = engineThreads;
        lanes.put(Role.CHAMPION, new VersionLane(name, Role.CHAMPION, desired.batching(), engineThreads));
    }

    /** The champion's lane: there always is one. */
    VersionLane champion() {
        return lanes.get(Role.CHAMPION);
    }

    /** The lane of {@code role}; null when none is bound to it. */
    VersionLane lane(Role role) {
        return lanes.get(role);
    }

    /** The lane of {@code role}, opened with {@code batching} and no version yet when missing. */
    VersionLane open(Role role, BatchPolicy batching) {
        return lanes.computeIfAbsent(role, r -> new VersionLane(name, r, batching, engineThreads));
    }

    /** Takes {@code role}'s lane away (never the champion's); null when there was none. */
    VersionLane close(Role role) {
        return role == Role.CHAMPION ? null : lanes.remove(role);
    }

    /** Every lane, champion first. */
    List<VersionLane> lanes() {
        List<VersionLane> all = new ArrayList<>(3);
        for (Role role : Role.values()) {
            VersionLane lane = lanes.get(role);
            if (lane != null) {
                all.add(lane);
            }
        }
        return all;
    }

    /** The champion's version now (null while none serves). */
    ServedModel current() {
        return champion().current();
    }

    /** Why the champion is not serving what is declared ("" when it is). */
    String message() {
        return champion().message;
    }
}
