package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertProgress;
import dev.aiaas.monitoring.model.AlertReading;
import dev.aiaas.monitoring.model.AlertRule;
import dev.aiaas.monitoring.model.AlertState;
import dev.aiaas.monitoring.storage.AlertStore;
import dev.aiaas.monitoring.storage.AlertStore.StoredProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Every alert, and each rule's way to it: an evaluation moves the rule's stored progress through
 * its {@link AlertHysteresis} and, when the alert fires or resolves, records the alert, all in one
 * transaction, so that a restart continues where the last evaluation left off.
 */
@ApplicationScoped
public class AlertBook {

    /** Most alerts one listing returns. */
    public static final int MAX_LIST = 1000;
    private static final int DEFAULT_LIST = 100;

    @Inject
    AlertStore store;

    /**
     * Applies one evaluation of {@code rule} of the endpoint of {@code project}; the alert it fired
     * or resolved, if it did.
     */
    @Transactional
    public Optional<Alert> apply(String project, String endpoint, AlertRule rule, AlertReading reading, Instant now)
            throws SQLException {
        StoredProgress stored = store.progressForUpdate(project, endpoint, rule.name())
                .orElse(new StoredProgress(AlertProgress.INITIAL, null));
        AlertHysteresis.Step step = new AlertHysteresis(rule.forEvaluations(), rule.clearEvaluations())
                .next(stored.progress(), reading.breaching());
        String alertId = stored.alertId();
        Optional<Alert> changed = Optional.empty();
        switch (step.transition()) {
            case FIRED -> {
                Alert fired = new Alert(UUID.randomUUID().toString(), project, endpoint, rule.name(), rule.kind(),
                        rule.severity(), AlertState.FIRING, reading.value(), 0, reading.threshold(),
                        summary(rule, endpoint), reading.description(), now, null);
                store.insert(fired);
                alertId = fired.id();
                changed = Optional.of(fired);
            }
            case RESOLVED -> {
                if (alertId != null) {
                    changed = store.resolve(alertId, reading.value(), "resolved: " + reading.description(), now);
                }
                alertId = null;
            }
            case NONE -> {
            }
        }
        store.saveProgress(project, endpoint, rule.name(), new StoredProgress(step.progress(), alertId));
        return changed;
    }

    /**
     * Alerts of {@code project}, newest first.
     *
     * @param endpoint only this endpoint's; null or empty for every one
     * @param state    FIRING or RESOLVED; null for both
     * @param limit    at most this many; 0 for 100
     * @throws DomainException INVALID_ARGUMENT for a limit outside [0, 1000]
     */
    public List<Alert> list(String project, String endpoint, AlertState state, int limit) {
        if (limit < 0 || limit > MAX_LIST) {
            throw DomainException.invalid("limit must be in [0, " + MAX_LIST + "], not " + limit);
        }
        String only = endpoint == null || endpoint.isEmpty() ? null : endpoint;
        return run(() -> store.list(project, only, state, limit == 0 ? DEFAULT_LIST : limit));
    }

    /** The alerts of {@code project} now firing (of one endpoint, or of all for null or empty). */
    public List<Alert> firing(String project, String endpoint) {
        return list(project, endpoint, AlertState.FIRING, MAX_LIST);
    }

    private static String summary(AlertRule rule, String endpoint) {
        return switch (rule.kind()) {
            case DRIFT -> "the input of endpoint " + endpoint + " drifted";
            case ACCURACY -> "live accuracy of endpoint " + endpoint + " fell below its baseline";
            case LATENCY_P99 -> String.format(Locale.ROOT, "p99 latency of endpoint %s above %.4g s", endpoint,
                    rule.threshold());
            case ERROR_RATE -> String.format(Locale.ROOT, "error rate of endpoint %s above %.2f%%", endpoint,
                    100 * rule.threshold());
            case TRAFFIC_DROP -> "traffic of endpoint " + endpoint + " dropped";
        };
    }
}
