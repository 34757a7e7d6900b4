package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.serving.client.RegistryClient;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.VersionToServe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Makes an endpoint's lanes serve what a declaration names for each role: resolves each binding
 * in the project's registry, takes the version from {@link ModelCache} (loading it, or sharing a
 * copy already loaded) when the lane serves another, swaps it in, and retires the lanes of roles
 * no longer bound. A Deploy changes all roles or none ({@link #applyAll}); the reconcile loop
 * changes each role on its own ({@link #applyEach}), so a challenger whose alias went away fails
 * alone while the champion keeps following its alias.
 */
@ApplicationScoped
class LaneLoader {

    private static final Logger LOG = Logger.getLogger(LaneLoader.class);

    @Inject
    RegistryClient registry;

    @Inject
    ModelCache models;

    /**
     * Loads every version {@code desired} names beside those serving, then swaps them all in;
     * when one cannot be resolved or loaded, gives back what was loaded and throws, changing
     * nothing.
     */
    void applyAll(Endpoint endpoint, DesiredDeployment desired) {
        Map<Role, ServedModel> loaded = new EnumMap<>(Role.class);
        try {
            for (Role role : Role.values()) {
                Binding binding = desired.binding(role);
                if (binding != null) {
                    ServedModel next = load(endpoint.lane(role), desired.project(), role, binding);
                    if (next != null) {
                        loaded.put(role, next);
                    }
                }
            }
        } catch (RuntimeException e) {
            loaded.values().forEach(models::give);
            throw e;
        }
        for (Role role : Role.values()) {
            if (desired.binding(role) == null) {
                retire(endpoint, role);
            } else {
                VersionLane lane = endpoint.open(role, desired.batching());
                if (loaded.containsKey(role)) {
                    swap(endpoint, lane, loaded.get(role));
                }
                settle(lane, desired);
            }
        }
        endpoint.desired = desired;
    }

    /**
     * Brings each role to {@code desired} on its own: a role that cannot be resolved or loaded is
     * marked failed with the reason and keeps its last version; the others change.
     */
    void applyEach(Endpoint endpoint, DesiredDeployment desired) {
        endpoint.desired = desired; // the split and bindings hold even while a role fails to load
        for (Role role : Role.values()) {
            Binding binding = desired.binding(role);
            if (binding == null) {
                retire(endpoint, role);
                continue;
            }
            VersionLane lane = endpoint.open(role, desired.batching());
            try {
                ServedModel next = load(lane, desired.project(), role, binding);
                if (next != null) {
                    swap(endpoint, lane, next);
                }
                settle(lane, desired);
            } catch (RuntimeException e) {
                lane.failed = true;
                lane.message = (lane.current() == null ? "not serving: " : "kept serving " + lane.current() + ": ")
                        + e.getMessage();
                LOG.warnf("endpoint %s, %s: %s", endpoint.key, role.label(), lane.message);
            }
        }
    }

    /** Stops every lane of the endpoint and gives back their versions. */
    void retireAll(Endpoint endpoint) {
        for (VersionLane lane : endpoint.lanes()) {
            give(lane.retire());
        }
    }

    /** The version {@code binding} names now, loaded, when {@code lane} serves another (null when it serves it). */
    private ServedModel load(VersionLane lane, String project, Role role, Binding binding) {
        try {
            VersionToServe target = registry.resolve(project, binding);
            ServedModel serving = lane == null ? null : lane.current();
            return serving != null && serving.version().sameAs(target) ? null : models.take(target);
        } catch (DomainException e) {
            if (role == Role.CHAMPION) {
                throw e;
            }
            throw new DomainException(e.kind(), role.label() + " " + binding + ": " + e.getMessage(), e);
        }
    }

    private void swap(Endpoint endpoint, VersionLane lane, ServedModel next) {
        give(lane.swap(next));
        endpoint.updatedAt = Instant.now();
        LOG.infof("endpoint %s: %s now %s", endpoint.key, lane.role.label(), next);
    }

    private static void settle(VersionLane lane, DesiredDeployment desired) {
        lane.rebatch(desired.batching());
        lane.failed = false;
        lane.message = "";
    }

    private void retire(Endpoint endpoint, Role role) {
        VersionLane gone = endpoint.close(role);
        if (gone != null) {
            give(gone.drain());
            LOG.infof("endpoint %s no longer has a %s", endpoint.key, role.label());
        }
    }

    private void give(ServedModel model) {
        if (model != null) {
            models.give(model);
        }
    }
}
