package dev.aiaas.monitoring.loop;

import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.ShadowComparison;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.VersionQuality;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a challenger by the live figures of its stage, against the champion's. The same rule
 * serves both stages: the challenger's gain — its accuracy minus the champion's (a classifier),
 * or the share by which its MSE is lower than the champion's (a model that predicts values) —
 * advances it when at least the policy's promote margin, rolls it back when below minus its
 * rollback margin, and otherwise waits for the stage's timeout. In the shadow stage the two are
 * judged on the same requests, and a shadow advances to its canary unless it is worse; a canary
 * is rolled back at once when its error rate or p99 latency is worse than the champion's by more
 * than the policy allows.
 */
public final class StageJudge {

    /** Requests each side needs before error rates are compared. */
    static final int MIN_TRAFFIC = 20;
    /** Requests each side needs before p99 latencies are compared (a p99 of fewer is one slow request). */
    static final int MIN_LATENCY_TRAFFIC = 100;

    private StageJudge() {
    }

    /** What to do with a stage now. */
    public enum Outcome {
        WAIT, ADVANCE, ROLL_BACK
    }

    /** An outcome with its reason and the figures it was made on. */
    public record Verdict(Outcome outcome, String reason, Map<String, Double> figures) {
    }

    /**
     * The shadow stage: advance to the canary once {@code shadow_min_samples} paired requests
     * have ground truth and the shadow is not worse than the served versions by more than the
     * rollback margin.
     *
     * @param comparison the challenger's comparison since the stage began; null when it has answered nothing
     */
    public static Verdict shadow(RetrainingPolicy policy, ShadowComparison comparison, Duration inStage) {
        Map<String, Double> figures = new LinkedHashMap<>();
        long labelled = comparison == null ? 0 : comparison.labelled();
        figures.put("samples_paired", (double) labelled);
        figures.put("min_samples", (double) policy.shadowMinSamples());
        if (comparison != null) {
            figures.put("agreement", comparison.agreement());
        }
        if (labelled < policy.shadowMinSamples() || labelled == 0) {
            return inStage.compareTo(policy.stageTimeout()) >= 0
                    ? new Verdict(Outcome.ROLL_BACK, format("the shadow had %d of the %d paired requests with ground "
                            + "truth it needs after %s", labelled, policy.shadowMinSamples(), policy.stageTimeout()),
                            figures)
                    : new Verdict(Outcome.WAIT, "", figures);
        }
        double gain = gain(comparison.served(), comparison.shadow(), figures);
        if (gain < -policy.rollbackMargin()) {
            return new Verdict(Outcome.ROLL_BACK, format("on the same %d requests the shadow %s; worse than the "
                    + "rollback margin %.4f allows", labelled, describe(comparison.served(), comparison.shadow()),
                    policy.rollbackMargin()), figures);
        }
        return new Verdict(Outcome.ADVANCE, format("on the same %d requests the shadow %s (agreement %.1f%%)",
                labelled, describe(comparison.served(), comparison.shadow()), 100 * comparison.agreement()), figures);
    }

    /**
     * The canary stage: roll back on worse errors or latency; promote once the challenger has
     * {@code canary_min_samples} requests with ground truth and beats the champion by the promote
     * margin; roll back when it is worse by more than the rollback margin, or at the timeout.
     *
     * @param champion   the champion's quality over the stage (null: no judged request)
     * @param challenger the challenger's quality over the stage (null: no judged request)
     */
    public static Verdict canary(RetrainingPolicy policy, VersionQuality champion, VersionQuality challenger,
            TrafficWindow championTraffic, TrafficWindow challengerTraffic, Duration inStage) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("requests_champion", (double) championTraffic.requests());
        figures.put("requests_challenger", (double) challengerTraffic.requests());
        figures.put("error_rate_champion", championTraffic.errorRate());
        figures.put("error_rate_challenger", challengerTraffic.errorRate());
        if (championTraffic.requests() >= MIN_TRAFFIC && challengerTraffic.requests() >= MIN_TRAFFIC) {
            double increase = challengerTraffic.errorRate() - championTraffic.errorRate();
            if (increase > policy.maxErrorRateIncrease()) {
                return new Verdict(Outcome.ROLL_BACK, format("the challenger failed %.2f%% of %d requests, the "
                        + "champion %.2f%%; more than the %.2f points allowed", 100 * challengerTraffic.errorRate(),
                        challengerTraffic.requests(), 100 * championTraffic.errorRate(),
                        100 * policy.maxErrorRateIncrease()), figures);
            }
        }
        if (championTraffic.requests() >= MIN_LATENCY_TRAFFIC && challengerTraffic.requests() >= MIN_LATENCY_TRAFFIC) {
            double championP99 = championTraffic.latency().percentile(0.99);
            double challengerP99 = challengerTraffic.latency().percentile(0.99);
            figures.put("p99_champion", championP99);
            figures.put("p99_challenger", challengerP99);
            if (championP99 > 0 && challengerP99 / championP99 > policy.maxLatencyRatio()) {
                figures.put("p99_ratio", challengerP99 / championP99);
                return new Verdict(Outcome.ROLL_BACK, format("the challenger's p99 latency %.4f s is %.2f times the "
                        + "champion's %.4f s; more than the %.2f allowed", challengerP99, challengerP99 / championP99,
                        championP99, policy.maxLatencyRatio()), figures);
            }
        }
        long judged = challenger == null ? 0 : challenger.requests();
        long judgedChampion = champion == null ? 0 : champion.requests();
        figures.put("samples_challenger", (double) judged);
        figures.put("samples_champion", (double) judgedChampion);
        figures.put("min_samples", (double) policy.canaryMinSamples());
        boolean enough = judged >= Math.max(1, policy.canaryMinSamples()) && judgedChampion > 0;
        if (enough) {
            double gain = gain(champion, challenger, figures);
            if (gain >= policy.promoteMargin()) {
                return new Verdict(Outcome.ADVANCE, format("over %d judged requests the challenger %s; the promote "
                        + "margin is %.4f", judged, describe(champion, challenger), policy.promoteMargin()), figures);
            }
            if (gain < -policy.rollbackMargin()) {
                return new Verdict(Outcome.ROLL_BACK, format("over %d judged requests the challenger %s; worse than "
                        + "the rollback margin %.4f allows", judged, describe(champion, challenger),
                        policy.rollbackMargin()), figures);
            }
        }
        if (inStage.compareTo(policy.stageTimeout()) >= 0) {
            return new Verdict(Outcome.ROLL_BACK, enough
                    ? format("after %s the challenger %s: short of the promote margin %.4f", policy.stageTimeout(),
                            describe(champion, challenger), policy.promoteMargin())
                    : format("after %s the challenger had %d of the %d judged requests it needs",
                            policy.stageTimeout(), judged, policy.canaryMinSamples()), figures);
        }
        return new Verdict(Outcome.WAIT, "", figures);
    }

    /** The challenger's gain over the champion (see the class comment), with both figures noted. */
    static double gain(VersionQuality champion, VersionQuality challenger, Map<String, Double> figures) {
        if (challenger.kind() == AnswerKind.CLASSIFICATION) {
            figures.put("accuracy_champion", champion.accuracy());
            figures.put("accuracy_challenger", challenger.accuracy());
            figures.put("gain", challenger.accuracy() - champion.accuracy());
            return challenger.accuracy() - champion.accuracy();
        }
        figures.put("mse_champion", champion.mse());
        figures.put("mse_challenger", challenger.mse());
        double gain = champion.mse() > 0 ? (champion.mse() - challenger.mse()) / champion.mse() : -challenger.mse();
        figures.put("gain", gain);
        return gain;
    }

    private static String describe(VersionQuality champion, VersionQuality challenger) {
        return challenger.kind() == AnswerKind.CLASSIFICATION
                ? format("was right on %.2f%% of rows against %.2f%%", 100 * challenger.accuracy(),
                        100 * champion.accuracy())
                : format("had MSE %.5g against %.5g", challenger.mse(), champion.mse());
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
