package dev.aiaas.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.Map;

/**
 * The metric reported after each epoch: validation accuracy for classifiers, MSE for regression
 * (in the target's units: the data the trainer sees is standardised by the spec's scaling).
 */
final class ValidationScore {

    private static final int ROWS_PER_PASS = 1024;

    private ValidationScore() {
    }

    static Map<String, Double> of(Trainer trainer, ModelSpec spec, LabelledData data) {
        int width = data.rowSize();
        int outputs = spec.outputs();
        double score = 0;
        for (int from = 0; from < data.rows(); from += ROWS_PER_PASS) {
            int rows = Math.min(ROWS_PER_PASS, data.rows() - from);
            float[] features = new float[rows * width];
            System.arraycopy(data.features(), from * width, features, 0, features.length);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(features, new Shape(spec.batchShape(rows)));
                float[] out = trainer.evaluate(new NDList(x)).singletonOrThrow().toFloatArray();
                score += data.classified() ? correct(out, data.classes(), from, rows, outputs)
                        : squaredError(out, data.targets(), from * outputs);
            }
        }
        return data.classified() ? Map.of("accuracy", score / data.rows())
                : Map.of("mse", spec.scaling().unscaleSquared(score / data.targets().length));
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
