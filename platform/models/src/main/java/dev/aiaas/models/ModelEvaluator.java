package dev.aiaas.models;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import dev.aiaas.ml.metrics.RegressionMetrics;
import dev.aiaas.ml.metrics.RocAuc;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Scores a model on labelled rows it never trained on, in batches of bounded size. */
public final class ModelEvaluator {

    private static final int ROWS_PER_CALL = 1024;

    private ModelEvaluator() {
    }

    /**
     * Classification metrics for classifiers, with {@code precision_positive}, {@code recall_positive}
     * and {@code f1_positive} of class 1 for a binary classifier (the second class in sorted label
     * order: "spam" of "ham" and "spam", 1 of 0 and 1); regression metrics for regression models, with
     * {@code naive_mae} (of forecasting the window's last value) and {@code mae_skill}
     * ({@code 1 − mae / naive_mae}) for anchored forecasters; for anomaly detectors
     * {@code roc_auc}, {@code reconstruction_mse}, and {@code precision}, {@code recall},
     * {@code f1}, {@code false_positive_rate} at the fitted {@code threshold}.
     */
    public static Evaluation evaluate(LoadedModel model, LabelledData data) {
        if (model.spec().anomalyDetector()) {
            Evaluation anomaly = AnomalyEvaluation.evaluate(model, data);
            return new Evaluation(finite(anomaly.metrics()), anomaly.classification());
        }
        if (model.spec().classifier()) {
            ClassificationMetrics m = classification(model, data);
            Map<String, Double> metrics = new HashMap<>(Map.of("accuracy", m.accuracy(), "precision_macro",
                    m.precisionMacro(), "recall_macro", m.recallMacro(), "f1_macro", m.f1Macro()));
            if (model.spec().outputs() == 2) {
                metrics.putAll(Map.of("precision_positive", m.precision()[1], "recall_positive", m.recall()[1],
                        "f1_positive", m.f1()[1]));
                if (bothClasses(data)) {
                    metrics.put("roc_auc", rocAuc(model, data));
                }
            }
            return new Evaluation(finite(Map.copyOf(metrics)), m);
        }
        RegressionMetrics m = regression(model, data);
        Map<String, Double> metrics = new HashMap<>(Map.of("mse", m.mse(), "rmse", m.rmse(), "mae", m.mae(),
                "r2", m.r2()));
        LastValueAnchor anchor = model.spec().anchor();
        if (anchor != null) {
            double naive = naiveMae(anchor, model.spec(), data);
            metrics.put("naive_mae", naive);
            if (naive > 0) {
                metrics.put("mae_skill", 1 - m.mae() / naive);
            }
        }
        return new Evaluation(finite(Map.copyOf(metrics)), null);
    }

    /** MAE of forecasting every output as the window's last target value, read from the windows through the anchor. */
    private static double naiveMae(LastValueAnchor anchor, ModelSpec spec, LabelledData data) {
        int window = spec.inputShape().get(0);
        int features = spec.inputShape().get(1);
        int horizon = data.targetSize();
        double sum = 0;
        for (int r = 0; r < data.rows(); r++) {
            double last = anchor.lastValue(data.features(), r, window, features);
            for (int k = 0; k < horizon; k++) {
                sum += Math.abs(data.targets()[r * horizon + k] - last);
            }
        }
        return sum / data.targets().length;
    }

    /** The metrics, when every one is a number; a model that diverged answers NaN or infinity. */
    private static Map<String, Double> finite(Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("training diverged: the test " + name + " is " + value
                        + "; lower the learning rate or scale the features");
            }
        });
        return metrics;
    }

    /** Accuracy, macro precision/recall/F1 and the confusion matrix of a classifier on {@code data}. */
    public static ClassificationMetrics classification(LoadedModel model, LabelledData data) {
        if (!data.classified()) {
            throw new IllegalArgumentException("the rows have numeric targets, not classes");
        }
        int[] predicted = new int[data.rows()];
        int width = data.rowSize();
        for (int from = 0; from < data.rows(); from += ROWS_PER_CALL) {
            int rows = Math.min(ROWS_PER_CALL, data.rows() - from);
            int[] classes = model.predictClasses(slice(data.features(), from * width, rows * width), rows);
            System.arraycopy(classes, 0, predicted, from, rows);
        }
        int[] actual = new int[data.rows()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = Math.toIntExact(data.classes()[i]);
        }
        return ClassificationMetrics.compute(actual, predicted, model.spec().outputs());
    }

    /** ROC-AUC of a binary classifier on {@code data}: how well the probability of class 1 ranks its rows first. */
    public static double rocAuc(LoadedModel model, LabelledData data) {
        double[] scores = new double[data.rows()];
        boolean[] positive = new boolean[data.rows()];
        int width = data.rowSize();
        for (int from = 0; from < data.rows(); from += ROWS_PER_CALL) {
            int rows = Math.min(ROWS_PER_CALL, data.rows() - from);
            float[] probabilities = model.predictProbabilities(slice(data.features(), from * width, rows * width), rows);
            for (int r = 0; r < rows; r++) {
                scores[from + r] = probabilities[r * 2 + 1];
                positive[from + r] = data.classes()[from + r] == 1;
            }
        }
        return RocAuc.compute(positive, scores);
    }

    private static boolean bothClasses(LabelledData data) {
        return Arrays.stream(data.classes()).distinct().count() == 2;
    }

    /** MSE, RMSE, MAE and R² of a regression model on {@code data}, in the target's units. */
    public static RegressionMetrics regression(LoadedModel model, LabelledData data) {
        if (data.classified()) {
            throw new IllegalArgumentException("the rows have classes, not numeric targets");
        }
        float[] predicted = new float[data.targets().length];
        int width = data.rowSize();
        int outputs = model.spec().outputs();
        for (int from = 0; from < data.rows(); from += ROWS_PER_CALL) {
            int rows = Math.min(ROWS_PER_CALL, data.rows() - from);
            float[] values = model.predict(slice(data.features(), from * width, rows * width), rows);
            System.arraycopy(values, 0, predicted, from * outputs, values.length);
        }
        return RegressionMetrics.compute(data.targets(), predicted);
    }

    private static float[] slice(float[] values, int from, int length) {
        float[] slice = new float[length];
        System.arraycopy(values, from, slice, 0, length);
        return slice;
    }
}
