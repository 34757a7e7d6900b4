package dev.aiaas.ml.transform;

import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline with every parameter learned on the training split: the raw input
 * columns it expects, the fitted steps, the label encoding and the feature layout.
 * The preprocess service applies it to every split; the serving service applies the
 * very same object (read back with {@link FittedPipelineJson}) to raw request
 * features, so a request is transformed exactly as the training data was.
 * Immutable, so one instance can serve concurrent requests.
 */
public final class FittedPipeline {

    private final List<ColumnSpec> inputs;
    private final List<FittedStep> steps;
    private final LabelEncoding labels;
    private final FeatureLayout layout;
    private final WindowSpec window;

    FittedPipeline(List<ColumnSpec> inputs, List<FittedStep> steps, LabelEncoding labels, FeatureLayout layout,
                   WindowSpec window) {
        this.inputs = List.copyOf(inputs);
        this.steps = List.copyOf(steps);
        this.labels = labels;
        this.layout = layout;
        this.window = window;
    }

    /**
     * This pipeline for a sequence model: one example is {@code window.window()}
     * consecutive rows, each transformed by the steps (see {@link #applyWindow}).
     */
    public FittedPipeline withWindow(WindowSpec window) {
        return new FittedPipeline(inputs, steps, labels, layout, Objects.requireNonNull(window, "window"));
    }

    /** How examples are cut into windows, when the model takes sequences. */
    public Optional<WindowSpec> window() {
        return Optional.ofNullable(window);
    }

    /** The raw feature columns the pipeline reads, as they were in the training table. */
    public List<ColumnSpec> inputColumns() {
        return inputs;
    }

    /** The fitted steps, in order. */
    public List<FittedStep> steps() {
        return steps;
    }

    /** How the label is encoded; empty when the training table had no label. */
    public Optional<LabelEncoding> labelEncoding() {
        return Optional.ofNullable(labels);
    }

    /**
     * Class labels in the order of the model's outputs; the normal labels of an anomaly
     * detector; empty for regression or unlabelled data.
     */
    public List<String> classLabels() {
        return labels == null ? List.of() : labels.classes();
    }

    /** Names of the model's input features, in tensor order. */
    public List<String> featureNames() {
        return layout.names();
    }

    /**
     * Shape of one transformed row, e.g. {@code [4]} or {@code [1, 28, 28]}; a windowed
     * model takes {@code [window, features]} of them.
     */
    public int[] inputShape() {
        return layout.rowShape();
    }

    FeatureLayout layout() {
        return layout;
    }

    /**
     * Transforms {@code table} (any split) into features, and its label, when it has
     * the pipeline's label column, into class indices or targets. Columns the
     * pipeline was not fitted on are ignored.
     *
     * @throws IllegalArgumentException for a missing input column or one of another kind
     *                                  or shape, a missing value no step fills, or a label
     *                                  not seen in the training split
     */
    public FeatureMatrix apply(Table table) {
        Table current = project(table);
        for (FittedStep step : steps) {
            current = step.apply(current);
        }
        FeatureLayout actual = FeatureLayout.of(current);
        if (!actual.equals(layout)) {
            throw new IllegalStateException("the steps produced " + actual + " but were fitted to produce " + layout);
        }
        float[] values = layout.assemble(current);
        boolean labelled = labels != null && current.label().isPresent();
        boolean classes = labelled && labels.task() != LabelTask.REGRESSION;
        boolean regression = labelled && labels.task() == LabelTask.REGRESSION;
        return new FeatureMatrix(values, current.rowCount(), layout.names(), layout.rowShape(),
                classes ? labels.classIndices(current) : null, regression ? labels.targets(current) : null);
    }

    /**
     * Transforms one raw record, as a serving request carries it: numbers for numeric
     * columns, strings for categorical ones, bytes or a list of 0–255 numbers for images.
     * A null value is a missing value (filled if the pipeline imputes that column).
     *
     * @return the record's features, {@code featureNames().size()} values
     * @throws IllegalArgumentException naming the column when a key is absent, a value has
     *                                  the wrong type, or a missing value cannot be filled
     */
    public float[] applyRow(Map<String, ?> raw) {
        for (ColumnSpec input : inputs) {
            if (!raw.containsKey(input.name())) {
                throw new IllegalArgumentException("the record has no value for column '" + input.name()
                        + "' (" + input.kind() + "); send null to mark a missing value");
            }
        }
        return apply(RecordTableBuilder.single(inputs, raw)).row(0);
    }

    /**
     * Transforms one example of a windowed model: {@code window} raw records of one
     * series, oldest first, each as {@link #applyRow} takes it.
     *
     * @return the example's features, step-major: {@code window * featureNames().size()} values
     * @throws IllegalArgumentException when the pipeline is not windowed, the number of
     *                                  records is not the window, or a record is invalid
     */
    public float[] applyWindow(List<? extends Map<String, ?>> records) {
        if (window == null) {
            throw new IllegalArgumentException("the model takes single rows, not windows");
        }
        if (records.size() != window.window()) {
            throw new IllegalArgumentException("the model takes windows of " + window.window()
                    + " rows, oldest first; got " + records.size());
        }
        RecordTableBuilder builder = new RecordTableBuilder(inputs, null);
        for (int step = 0; step < records.size(); step++) {
            Map<String, ?> record = records.get(step);
            for (ColumnSpec input : inputs) {
                if (!record.containsKey(input.name())) {
                    throw new IllegalArgumentException("row " + step + " of the window has no value for column '"
                            + input.name() + "' (" + input.kind() + "); send null to mark a missing value");
                }
            }
            builder.add(record);
        }
        return apply(builder.build()).values();
    }

    private Table project(Table table) {
        List<Column> columns = new ArrayList<>(inputs.size() + 1);
        for (ColumnSpec input : inputs) {
            Column column = table.column(input.name());
            if (!column.spec().equals(input)) {
                throw new IllegalArgumentException("column '" + input.name() + "' is " + column.spec()
                        + " but the pipeline was fitted on " + input);
            }
            columns.add(column);
        }
        String labelName = labels == null ? null : labels.column();
        boolean hasLabel = labelName != null && table.labelName().filter(labelName::equals).isPresent();
        if (hasLabel) {
            columns.add(table.column(labelName));
        }
        return Table.of(columns, hasLabel ? labelName : null);
    }
}
