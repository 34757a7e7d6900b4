package dev.aiaas.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.aiaas.ml.metrics.RocAuc;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The metric reported after each epoch: validation accuracy for classifiers, MSE for regression
 * (in the target's units: the data the trainer sees is standardised by the spec's scaling), and
 * for anomaly detectors the reconstruction MSE of the normal rows, with ROC-AUC when the rows
 * hold anomalies too.
 */
final class ValidationScore {

    private static final int ROWS_PER_PASS = 1024;

    private ValidationScore() {
    }

    static Map<String, Double> of(Trainer trainer, ModelSpec spec, LabelledData data) {
        int width = data.rowSize();
        int outputs = spec.outputs();
        double score = 0;
        float[] anomalyScores = spec.anomalyDetector() ? new float[data.rows()] : null;
        for (int from = 0; from < data.rows(); from += ROWS_PER_PASS) {
            int rows = Math.min(ROWS_PER_PASS, data.rows() - from);
            float[] features = new float[rows * width];
            System.arraycopy(data.features(), from * width, features, 0, features.length);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(features, new Shape(spec.batchShape(rows)));
                float[] out = trainer.evaluate(new NDList(x)).singletonOrThrow().toFloatArray();
                switch (spec.task()) {
                    case CLASSIFICATION -> score += correct(out, data.classes(), from, rows, outputs);
                    case REGRESSION -> score += squaredError(out, data.targets(), from * outputs);
                    case ANOMALY -> System.arraycopy(ReconstructionError.perRow(features, 0, out, rows), 0,
                            anomalyScores, from, rows);
                }
            }
        }
        return switch (spec.task()) {
            case CLASSIFICATION -> Map.of("accuracy", score / data.rows());
            case REGRESSION -> Map.of("mse", spec.scaling().unscaleSquared(score / data.targets().length));
            case ANOMALY -> anomaly(anomalyScores, data.classes());
            case RECOMMENDATION -> throw new IllegalStateException("no ModelSpec recommends"); // its constructor refuses
        };
    }

    private static Map<String, Double> anomaly(float[] scores, long[] classes) {
        double normalSum = 0;
        int normals = 0;
        boolean[] anomalous = new boolean[scores.length];
        double[] ranked = new double[scores.length];
        for (int r = 0; r < scores.length; r++) {
            anomalous[r] = classes[r] != 0;
            ranked[r] = scores[r];
            if (!anomalous[r]) {
                normalSum += scores[r];
                normals++;
            }
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("reconstruction_mse", normals == 0 ? Double.NaN : normalSum / normals);
        if (normals > 0 && normals < scores.length && Arrays.stream(ranked).noneMatch(Double::isNaN)) {
            metrics.put("roc_auc", RocAuc.compute(anomalous, ranked));
        }
        return Map.copyOf(metrics);
    }

    private static int correct(float[] scores, long[] classes, int from, int rows, int outputs) {
        int[] predicted = ClassScores.argmax(scores, rows, outputs);
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            correct += predicted[r] == classes[from + r] ? 1 : 0;
        }
        return correct;
    }

    private static double squaredError(float[] predicted, float[] targets, int offset) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - targets[offset + i];
            sum += error * error;
        }
        return sum;
    }
}
