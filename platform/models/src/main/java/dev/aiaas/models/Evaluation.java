package dev.aiaas.models;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import java.util.Map;
import java.util.Optional;

/**
 * How a model did on held-out rows.
 *
 * @param metrics        by name: {@code accuracy}, {@code precision_macro}, {@code recall_macro},
 *                       {@code f1_macro} for classifiers (binary ones also {@code f1_positive}, ... of class 1,
 *                       and {@code roc_auc}); {@code mse}, {@code mae}, {@code r2} for regression;
 *                       {@code roc_auc}, {@code precision}, {@code recall}, ... for anomaly detectors (see
 *                       {@link ModelEvaluator#evaluate})
 * @param classification the full classification metrics with the confusion matrix (for an anomaly
 *                       detector 2×2: normal, anomaly, as flagged at its threshold); null for regression
 */
public record Evaluation(Map<String, Double> metrics, ClassificationMetrics classification) {

    public Evaluation {
        metrics = Map.copyOf(metrics);
    }

    /** The confusion matrix, {@code classes × classes} counts, row = actual; empty for regression. */
    public Optional<long[]> confusionMatrix() {
        return Optional.ofNullable(classification).map(c -> c.confusionMatrix().clone());
    }
}
