package dev.aiaas.cli.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What the anomaly scenario measured: the detector's test ROC-AUC and its precision and recall
 * at the fitted threshold, and the digits scored through the endpoint.
 *
 * @param outcome the lifecycle run; its test metrics hold {@code roc_auc}, {@code precision},
 *                {@code recall}, {@code false_positive_rate} and {@code threshold}
 * @param scored  the digits scored through the endpoint, zeros first
 */
public record AnomalySummary(DatasetOutcome outcome, List<Scored> scored, double seconds) implements ScenarioSummary {

    /** One digit as the endpoint scored it. */
    public record Scored(String digit, double score, boolean anomaly) {

        public boolean normal() {
            return digit.equals(AnomalyScenario.NORMAL_DIGIT);
        }
    }

    public double rocAuc() {
        return outcome.metric("roc_auc");
    }

    /** The mean score of the scored digits that are normal ({@code true}) or not. */
    public double meanScore(boolean normal) {
        return scored.stream().filter(s -> s.normal() == normal).mapToDouble(Scored::score).average()
                .orElse(Double.NaN);
    }

    @Override
    public void print(PrintStream out) {
        out.println();
        out.println("=== aiaas demo: anomaly detection (autoencoder trained on zeros) ===");
        out.printf("dataset %s v%d: %d images; splits (train zeros/validation/test) %s; model %s v%d%n",
                outcome.dataset(), outcome.datasetVersion(), outcome.rows(), outcome.splitRows(), outcome.dataset(),
                outcome.modelVersion());
        out.printf(Locale.ROOT, "test ROC-AUC %.4f; at the threshold %.5f (a quantile of the validation zeros' "
                        + "errors): precision %.4f, recall %.4f, false-positive rate %.4f, F1 %.4f%n", rocAuc(),
                outcome.metric("threshold"), outcome.metric("precision"), outcome.metric("recall"),
                outcome.metric("false_positive_rate"), outcome.metric("f1"));
        out.println("digits scored through the Open Inference Protocol (raw images; score = reconstruction error):");
        for (Scored s : scored) {
            out.printf(Locale.ROOT, "  digit %s  score %.5f  %s%n", s.digit(), s.score(),
                    (s.anomaly() ? "anomaly" : "normal") + (s.anomaly() == !s.normal() ? "" : "  (miss)"));
        }
        out.printf(Locale.ROOT, "  mean score: zeros %.5f, other digits %.5f%n", meanScore(true), meanScore(false));
        out.printf(Locale.ROOT, "%nthe anomaly scenario took %.1f s%n", seconds);
    }
}
