package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.monitoring.model.Decision;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.storage.DecisionStore;
import dev.aiaas.monitoring.storage.RetrainingPolicyStore;
import dev.aiaas.monitoring.storage.RetrainingRunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Sets and reads endpoints' retraining policies, and lists the loop's decisions. */
@ApplicationScoped
public class RetrainingPolicies {

    /** The most decisions one listing returns, and the number when none is asked for. */
    public static final int MAX_DECISIONS = 1000;
    public static final int DEFAULT_DECISIONS = 100;

    @Inject
    RetrainingPolicyStore policies;

    @Inject
    RetrainingRunStore runs;

    @Inject
    DecisionStore decisions;

    /** A policy as set, with the run under way or the last one ended. */
    public record PolicyState(RetrainingPolicy policy, Optional<RetrainingRun> lastRun) {
    }

    public PolicyState set(String project, RetrainingPolicy policy) {
        Names.require("endpoint name", policy.endpoint());
        policy.validate();
        run(() -> {
            policies.save(project, policy);
            return null;
        });
        return get(project, policy.endpoint());
    }

    /** @throws DomainException NOT_FOUND when none was set */
    public PolicyState get(String project, String endpoint) {
        RetrainingPolicy policy = run(() -> policies.find(project, endpoint)).orElseThrow(() ->
                DomainException.notFound("endpoint '" + endpoint + "' has no retraining policy: set one with "
                        + "SetRetrainingPolicy"));
        return new PolicyState(policy, run(() -> runs.latest(project, endpoint)));
    }

    /** @param endpoint null or empty: every endpoint of the project */
    public List<Decision> decisions(String project, String endpoint, String runId, int limit) {
        if (limit < 0 || limit > MAX_DECISIONS) {
            throw DomainException.invalid("limit must be 0 (the default, " + DEFAULT_DECISIONS + ") to "
                    + MAX_DECISIONS + ", got " + limit);
        }
        return run(() -> decisions.list(project, blankToNull(endpoint), blankToNull(runId),
                limit == 0 ? DEFAULT_DECISIONS : limit));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
