package dev.aiaas.monitoring.model;

import dev.aiaas.errors.Names;
import java.util.Set;

/**
 * One alert rule of an endpoint, valid and with its defaults filled in.
 *
 * @param threshold        by kind: the accuracy margin in [0, 1), the p99 seconds (> 0), the error
 *                         share or the traffic share in (0, 1); unused (0) for DRIFT
 * @param baselineAccuracy ACCURACY: the accuracy held to, in (0, 1]; 0: the answering version's
 *                         registered test accuracy (and 0 for the other kinds)
 * @param minSamples       ACCURACY: the fewest judged rows a quality window needs to be read
 * @param forEvaluations   consecutive breaching evaluations before the alert fires
 * @param clearEvaluations consecutive clear evaluations before a firing alert resolves
 */
public record AlertRule(String name, AlertKind kind, double threshold, double baselineAccuracy, int minSamples,
        int forEvaluations, int clearEvaluations, String severity) {

    public static final int DEFAULT_EVALUATIONS = 2;
    public static final int DEFAULT_MIN_SAMPLES = 50;
    public static final String DEFAULT_SEVERITY = "warning";
    private static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");
    private static final int MAX_EVALUATIONS = 1000;

    /**
     * A rule as a client sets it: zeros and empty take the defaults.
     *
     * @throws IllegalArgumentException for a rule that cannot be read, saying what is wrong
     */
    public static AlertRule of(String name, AlertKind kind, double threshold, double baselineAccuracy,
            int minSamples, int forEvaluations, int clearEvaluations, String severity) {
        if (!Names.valid(name)) {
            throw new IllegalArgumentException("rule name '" + name + "' breaks the rule: lower-case letters, "
                    + "digits, '.', '_' and '-', at most 63, starting with a letter or digit");
        }
        if (kind == null) {
            throw new IllegalArgumentException("rule '" + name + "' has no kind");
        }
        return new AlertRule(name, kind, threshold, baselineAccuracy,
                minSamples == 0 ? DEFAULT_MIN_SAMPLES : minSamples,
                forEvaluations == 0 ? DEFAULT_EVALUATIONS : forEvaluations,
                clearEvaluations == 0 ? DEFAULT_EVALUATIONS : clearEvaluations,
                severity == null || severity.isEmpty() ? DEFAULT_SEVERITY : severity);
    }

    public AlertRule {
        String what = "rule '" + name + "': ";
        switch (kind) {
            case DRIFT -> threshold = 0;
            case ACCURACY -> {
                require(threshold >= 0 && threshold < 1, what + "the accuracy margin must be in [0, 1), not " + threshold);
                require(baselineAccuracy >= 0 && baselineAccuracy <= 1, what + "baseline_accuracy must be in (0, 1], "
                        + "or 0 for the answering version's test accuracy as registered, not " + baselineAccuracy);
            }
            case LATENCY_P99 -> require(threshold > 0 && Double.isFinite(threshold),
                    what + "the p99 latency threshold must be a positive number of seconds, not " + threshold);
            case ERROR_RATE, TRAFFIC_DROP -> require(threshold > 0 && threshold < 1,
                    what + "the share must be in (0, 1), not " + threshold);
        }
        require(minSamples > 0, what + "min_samples must be positive");
        require(forEvaluations > 0 && forEvaluations <= MAX_EVALUATIONS
                && clearEvaluations > 0 && clearEvaluations <= MAX_EVALUATIONS,
                what + "for_evaluations and clear_evaluations must be in [1, " + MAX_EVALUATIONS + "]");
        require(SEVERITIES.contains(severity), what + "severity must be one of " + SEVERITIES + ", not '" + severity + "'");
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
