package dev.aiaas.models;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import dev.aiaas.ml.metrics.RocAuc;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores an anomaly detector on labelled rows (0 = normal, 1 = anomaly): how well its scores
 * rank anomalies first (ROC-AUC, threshold-free), and what its fitted threshold flags.
 */
final class AnomalyEvaluation {

    private static final int ROWS_PER_CALL = 1024;

    private AnomalyEvaluation() {
    }

    /** Each row's anomaly score, in batches of bounded size. */
    static double[] scores(LoadedModel model, LabelledData data) {
        double[] scores = new double[data.rows()];
        int width = data.rowSize();
        for (int from = 0; from < data.rows(); from += ROWS_PER_CALL) {
            int rows = Math.min(ROWS_PER_CALL, data.rows() - from);
            float[] batch = new float[rows * width];
            System.arraycopy(data.features(), from * width, batch, 0, batch.length);
            float[] batchScores = model.anomalyScores(batch, rows);
            for (int r = 0; r < rows; r++) {
                scores[from + r] = batchScores[r];
            }
        }
        return scores;
    }

    /**
     * {@code reconstruction_mse} (mean score of the normal rows), {@code threshold}, and at that
     * threshold {@code false_positive_rate} when there are normal rows; {@code roc_auc},
     * {@code precision}, {@code recall} and {@code f1} of the anomaly class when there are both
     * kinds. The classification is 2×2: row and column 0 normal, 1 anomaly.
     */
    static Evaluation evaluate(LoadedModel model, LabelledData data) {
        if (!data.classified()) {
            throw new IllegalArgumentException("an anomaly detector is scored on rows labelled 0 (normal) or 1 "
                    + "(anomaly), not numeric targets");
        }
        AnomalyThreshold threshold = model.spec().threshold();
        if (threshold == null) {
            throw new IllegalStateException("the anomaly detector has no fitted threshold to evaluate");
        }
        double[] scores = scores(model, data);
        int[] actual = new int[data.rows()];
        int[] flagged = new int[data.rows()];
        boolean[] anomalous = new boolean[data.rows()];
        double normalSum = 0;
        for (int r = 0; r < actual.length; r++) {
            actual[r] = Math.toIntExact(data.classes()[r]);
            anomalous[r] = actual[r] == 1;
            flagged[r] = threshold.exceededBy(scores[r]) ? 1 : 0;
            normalSum += anomalous[r] ? 0 : scores[r];
        }
        ClassificationMetrics matrix = ClassificationMetrics.compute(actual, flagged, 2);
        long normals = matrix.count(0, 0) + matrix.count(0, 1);
        Map<String, Double> metrics = new HashMap<>(Map.of("threshold", threshold.value()));
        if (normals > 0) {
            metrics.put("reconstruction_mse", normalSum / normals);
            metrics.put("false_positive_rate", matrix.count(0, 1) / (double) normals);
        }
        if (normals > 0 && normals < data.rows()) {
            metrics.put("roc_auc", RocAuc.compute(anomalous, scores));
            metrics.put("precision", matrix.precision()[1]);
            metrics.put("recall", matrix.recall()[1]);
            metrics.put("f1", matrix.f1()[1]);
        }
        return new Evaluation(metrics, matrix);
    }
}
