package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of steps and what the label means. Fitting happens on the training
 * split only: each step learns from the output of the previous one on that split,
 * so nothing about validation, test or production data leaks into the parameters.
 *
 * @param steps the steps, in order
 * @param task  how the label is encoded when the table has one
 */
public record Pipeline(List<Step> steps, LabelTask task) {

    public Pipeline {
        steps = List.copyOf(steps);
        Objects.requireNonNull(task, "task");
    }

    /** A classification pipeline of {@code steps}. */
    public static Pipeline of(Step... steps) {
        return new Pipeline(List.of(steps), LabelTask.CLASSIFICATION);
    }

    /**
     * Fits every step, in order, on {@code train}, then the label encoding and the
     * feature layout on the transformed training data.
     *
     * @throws IllegalArgumentException when a step cannot fit (unknown column, wrong kind,
     *                                  no values), a categorical feature is left unencoded,
     *                                  or the label does not suit the task
     */
    public FittedPipeline fit(Table train) {
        List<ColumnSpec> inputs = train.featureColumns().stream().map(Column::spec).toList();
        Table current = train;
        List<FittedStep> fitted = new ArrayList<>(steps.size());
        for (Step step : steps) {
            FittedStep fittedStep = step.fit(current);
            current = fittedStep.apply(current);
            fitted.add(fittedStep);
        }
        LabelEncoding labels = current.label().isPresent() ? LabelEncoding.fit(current, task) : null;
        return new FittedPipeline(inputs, fitted, labels, FeatureLayout.of(current), null);
    }
}
