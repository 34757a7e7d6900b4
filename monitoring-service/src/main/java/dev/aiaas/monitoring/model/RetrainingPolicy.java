package dev.aiaas.monitoring.model;

import dev.aiaas.errors.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * When and how an endpoint's model is retrained, tried and promoted, with every default applied
 * (see the RetrainingPolicy message of the monitoring API for each field's meaning).
 *
 * @param triggerAlerts     alert rules of the endpoint whose firing starts a run
 * @param triggerNewRecords rows the champion was not trained on that start a run; 0: off
 * @param shadowMinSamples  paired requests with ground truth that judge the shadow; -1 skips the stage
 * @param updatedAt         when it was set; null before it is stored
 */
public record RetrainingPolicy(
        String endpoint,
        boolean enabled,
        List<String> triggerAlerts,
        long triggerNewRecords,
        int shadowShare,
        int shadowMinSamples,
        int canaryWeight,
        int canaryMinSamples,
        double promoteMargin,
        double rollbackMargin,
        double maxErrorRateIncrease,
        double maxLatencyRatio,
        Duration stageTimeout,
        TrainingOverrides overrides,
        Instant updatedAt) {

    public static final int DEFAULT_SHADOW_SHARE = 100;
    public static final int DEFAULT_SHADOW_MIN_SAMPLES = 50;
    public static final int DEFAULT_CANARY_WEIGHT = 10;
    public static final int DEFAULT_CANARY_MIN_SAMPLES = 100;
    public static final double DEFAULT_ROLLBACK_MARGIN = 0.02;
    public static final double DEFAULT_MAX_ERROR_RATE_INCREASE = 0.01;
    public static final double DEFAULT_MAX_LATENCY_RATIO = 2;
    public static final Duration DEFAULT_STAGE_TIMEOUT = Duration.ofDays(1);
    /** The most alert rules one policy may name. */
    public static final int MAX_TRIGGER_ALERTS = 50;

    public RetrainingPolicy {
        triggerAlerts = List.copyOf(triggerAlerts);
    }

    /** Whether the shadow stage is skipped (the challenger goes straight to its canary). */
    public boolean skipsShadow() {
        return shadowMinSamples < 0;
    }

    /**
     * Checks the policy as set.
     *
     * @throws DomainException INVALID_ARGUMENT naming the field and what it takes
     */
    public RetrainingPolicy validate() {
        if (triggerAlerts.size() > MAX_TRIGGER_ALERTS) {
            throw DomainException.invalid("trigger_alerts names " + triggerAlerts.size() + " rules; at most "
                    + MAX_TRIGGER_ALERTS);
        }
        if (new HashSet<>(triggerAlerts).size() != triggerAlerts.size() || triggerAlerts.contains("")) {
            throw DomainException.invalid("trigger_alerts must name distinct, non-empty alert rules");
        }
        if (enabled && triggerAlerts.isEmpty() && triggerNewRecords == 0) {
            throw DomainException.invalid("an enabled policy needs a trigger: name alert rules in trigger_alerts, "
                    + "or set trigger_new_records");
        }
        nonNegative("trigger_new_records", triggerNewRecords);
        share("shadow_share", shadowShare);
        share("canary_weight", canaryWeight);
        if (canaryWeight == 0) {
            throw DomainException.invalid("canary_weight must be 1–100: a canary of 0% would never be judged");
        }
        if (shadowMinSamples < -1) {
            throw DomainException.invalid("shadow_min_samples must be -1 (skip the shadow stage), 0 (default) or "
                    + "positive, got " + shadowMinSamples);
        }
        nonNegative("canary_min_samples", canaryMinSamples);
        nonNegative("promote_margin", promoteMargin);
        nonNegative("rollback_margin", rollbackMargin);
        nonNegative("max_error_rate_increase", maxErrorRateIncrease);
        if (!(maxLatencyRatio >= 1)) {
            throw DomainException.invalid("max_latency_ratio must be at least 1 (0: the default, "
                    + DEFAULT_MAX_LATENCY_RATIO + "), got " + maxLatencyRatio);
        }
        if (stageTimeout.isNegative() || stageTimeout.isZero()) {
            throw DomainException.invalid("stage_timeout_seconds must be positive");
        }
        if (overrides.epochs() < 0 || overrides.batchSize() < 0 || overrides.learningRate() < 0
                || overrides.weightDecay() < 0 || overrides.hiddenUnits().stream().anyMatch(units -> units <= 0)) {
            throw DomainException.invalid("hyperparameters may not be negative, and hidden_units must be positive");
        }
        return this;
    }

    private static void share(String field, int value) {
        if (value < 0 || value > 100) {
            throw DomainException.invalid(field + " must be a percentage, 0–100, got " + value);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0)) {
            throw DomainException.invalid(field + " may not be negative, got " + value);
        }
    }
}
