package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.ml.drift.DriftPolicy;
import dev.aiaas.monitoring.storage.DriftPolicyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * How each endpoint's drift is judged, set by the endpoint's editors. An endpoint is named
 * within its project, and may have a policy before its first prediction: a deployment can
 * choose its tests when it is made.
 */
@ApplicationScoped
public class DriftPolicies {

    @Inject
    DriftPolicyStore store;

    /** The policy of the endpoint of {@code project}: the defaults when none was set. */
    public DriftPolicy of(String project, String endpoint) {
        return run(() -> store.find(project, endpoint)).orElse(DriftPolicy.defaults());
    }

    /**
     * Replaces the policy of the endpoint of {@code project} with the one {@code policy} builds.
     *
     * @throws DomainException INVALID_ARGUMENT for a name that breaks the rule or a policy that
     *                         cannot be read (a method of the wrong kind, a threshold without its
     *                         method or outside its range, a share outside (0, 1])
     */
    public DriftPolicy set(String project, String endpoint, Supplier<DriftPolicy> policy) {
        Names.require("endpoint name", endpoint);
        DriftPolicy valid;
        try {
            valid = policy.get();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("drift policy of endpoint '" + endpoint + "': " + e.getMessage());
        }
        run(() -> {
            store.save(project, endpoint, valid);
            return null;
        });
        return valid;
    }

    /** The policy of a named endpoint of {@code project}, for reading it back. */
    public DriftPolicy get(String project, String endpoint) {
        Names.require("endpoint name", endpoint);
        return of(project, endpoint);
    }
}
