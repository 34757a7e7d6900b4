package dev.aiaas.models;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import dev.aiaas.ml.metrics.RegressionMetrics;
import java.util.Map;

/** Scores a model on labelled rows it never trained on, in batches of bounded size. */
public final class ModelEvaluator {

    private static final int ROWS_PER_CALL = 1024;

    private ModelEvaluator() {
    }

    /** Classification metrics for classifiers, regression metrics otherwise. */
    public static Evaluation evaluate(LoadedModel model, LabelledData data) {
        if (model.spec().classifier()) {
            ClassificationMetrics m = classification(model, data);
            return new Evaluation(finite(Map.of("accuracy", m.accuracy(), "precision_macro", m.precisionMacro(),
                    "recall_macro", m.recallMacro(), "f1_macro", m.f1Macro())), m);
        }
        RegressionMetrics m = regression(model, data);
        return new Evaluation(finite(Map.of("mse", m.mse(), "rmse", m.rmse(), "mae", m.mae(), "r2", m.r2())), null);
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
