package dev.aiaas.models;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import java.util.Map;
import java.util.Optional;

/**
 * How a model did on held-out rows.
 *
 * @param metrics        by name: {@code accuracy}, {@code precision_macro}, {@code recall_macro},
 *                       {@code f1_macro} for classifiers; {@code mse}, {@code mae}, {@code r2} for regression
 * @param classification the full classification metrics with the confusion matrix; null for regression
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
