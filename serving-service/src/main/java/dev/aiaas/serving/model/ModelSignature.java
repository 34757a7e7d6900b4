package dev.aiaas.serving.model;

import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.transform.LabelTask;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a served version accepts and answers, known before a request's tensors are read, so
 * every size is checked against it before memory is reserved. What it answers depends on its
 * task: a classifier answers {@value #PROBABILITIES}, {@value #PREDICTED_CLASS} and
 * {@value #PREDICTED_LABEL}; a regression model answers {@value #PREDICTIONS}, the name
 * training registers its versions' output under; an anomaly detector answers
 * {@value #ANOMALY_SCORE} and {@value #IS_ANOMALY}; a recommender takes {@value #USER_ID} and
 * answers {@value #ITEMS} and {@value #SCORES}. A model uploaded from elsewhere (TorchScript, ONNX)
 * takes and answers the tensors its registered signature names ({@link #tensors()}).
 *
 * @param preparedShape the shape of one model-ready row (without the batch dimension)
 * @param rawColumns    the raw columns its fitted transform reads, in schema order; none for a
 *                      recommender, which has no transform
 * @param classLabels   the class label names, index = class; empty when the model has none
 * @param outputs       values the model answers per row: class probabilities, predicted values,
 *                      or one anomaly score; for a recommender, the items it ranks (a row's answer
 *                      is at most the request's k of them)
 * @param task          whether it predicts classes or numbers, detects anomalies or recommends items
 * @param window        raw rows per example of a sequence model (its fitted transform is
 *                      windowed), each raw column then carrying {@code window} values per example,
 *                      oldest first; 0 for a model that takes single rows
 * @param tensors       an uploaded model's input and outputs, which replace every name above; empty
 *                      for a model trained here
 */
public record ModelSignature(List<Integer> preparedShape, List<ColumnSpec> rawColumns, List<String> classLabels,
        int outputs, LabelTask task, int window, Optional<TensorSignature> tensors) {

    /** Name of the single input that carries model-ready FP32 features [batch, …]. */
    public static final String PREPARED_INPUT = "input";
    /** Classifier output: FP32 [batch, classes], each row summing to 1. */
    public static final String PROBABILITIES = "probabilities";
    /** Classifier output: INT64 [batch], the index of the most probable class. */
    public static final String PREDICTED_CLASS = "predicted_class";
    /** Classifier output: BYTES [batch], the label name of the most probable class. */
    public static final String PREDICTED_LABEL = "predicted_label";
    /** Regression output: FP32 [batch, outputs], the predicted values in the target's units. */
    public static final String PREDICTIONS = "predictions";
    /** A classifier's outputs, in the order they are answered. */
    public static final List<String> CLASSIFIER_OUTPUTS = List.of(PROBABILITIES, PREDICTED_CLASS, PREDICTED_LABEL);
    /** A regression model's outputs. */
    public static final List<String> REGRESSION_OUTPUTS = List.of(PREDICTIONS);
    /** Anomaly detector output: FP32 [batch], each row's reconstruction error; higher is more anomalous. */
    public static final String ANOMALY_SCORE = "anomaly_score";
    /** Anomaly detector output: BOOL [batch], whether the row's score is above the model's threshold. */
    public static final String IS_ANOMALY = "is_anomaly";
    /** An anomaly detector's outputs, in the order they are answered. */
    public static final List<String> ANOMALY_OUTPUTS = List.of(ANOMALY_SCORE, IS_ANOMALY);
    /** A recommender's only input: BYTES [batch] (or INT64 [batch], read as decimal text), one user id per row. */
    public static final String USER_ID = "user_id";
    /**
     * Recommender output: BYTES [batch, k], each row's item ids, best first. Every row has the same
     * k: the request's k, or fewer when some row of the batch cannot give that many.
     */
    public static final String ITEMS = "items";
    /** Recommender output: FP32 [batch, k], the score of each of {@link #ITEMS}; only their order means anything. */
    public static final String SCORES = "scores";
    /** A recommender's outputs, in the order they are answered. */
    public static final List<String> RECOMMENDER_OUTPUTS = List.of(ITEMS, SCORES);

    public ModelSignature {
        preparedShape = List.copyOf(preparedShape);
        rawColumns = List.copyOf(rawColumns);
        classLabels = List.copyOf(classLabels);
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(tensors, "tensors");
        if (window < 0) {
            throw new IllegalArgumentException("window must be 0 (single rows) or positive, was " + window);
        }
    }

    /** The signature of a model trained here. */
    public ModelSignature(List<Integer> preparedShape, List<ColumnSpec> rawColumns, List<String> classLabels,
            int outputs, LabelTask task, int window) {
        this(preparedShape, rawColumns, classLabels, outputs, task, window, Optional.empty());
    }

    /** The signature of a model trained here that takes single rows. */
    public ModelSignature(List<Integer> preparedShape, List<ColumnSpec> rawColumns, List<String> classLabels,
            int outputs, LabelTask task) {
        this(preparedShape, rawColumns, classLabels, outputs, task, 0);
    }

    /**
     * The signature of an uploaded model: its input's row shape, no raw columns (there is no
     * transform), no class labels, and its first output's values per row (0 when free).
     */
    public static ModelSignature uploaded(TensorSignature tensors) {
        TensorSpec first = tensors.outputs().get(0);
        List<Integer> row = tensors.input().rowShape().stream().map(Math::toIntExact).toList();
        return new ModelSignature(row, List.of(), List.of(), first.fixedRows() ? Math.toIntExact(first.rowWidth()) : 0,
                tensors.task(), 0, Optional.of(tensors));
    }

    /** Whether it is a model uploaded from elsewhere, taking and answering the tensors its signature names. */
    public boolean uploaded() {
        return tensors.isPresent();
    }

    /** Whether one example is a window of raw rows (a sequence model) rather than one row. */
    public boolean windowed() {
        return window > 0;
    }

    /** Raw rows per example: the window of a sequence model, otherwise 1. */
    public int rawRowsPerExample() {
        return windowed() ? window : 1;
    }

    /**
     * Whether it answers as a classifier trained here: probabilities, a class and a label per row.
     * An uploaded classifier answers its outputs as they are, with no class labels known.
     */
    public boolean classifier() {
        return task == LabelTask.CLASSIFICATION && !uploaded();
    }

    /** Whether it recommends items for a user (takes {@value #USER_ID}) rather than reading features. */
    public boolean recommender() {
        return task == LabelTask.RECOMMENDATION;
    }

    /** The outputs it answers, in the order they are answered when a request names none. */
    public List<String> outputNames() {
        if (uploaded()) {
            return tensors.get().outputNames();
        }
        return switch (task) {
            case CLASSIFICATION -> CLASSIFIER_OUTPUTS;
            case REGRESSION -> REGRESSION_OUTPUTS;
            case ANOMALY -> ANOMALY_OUTPUTS;
            case RECOMMENDATION -> RECOMMENDER_OUTPUTS;
        };
    }

    /** Values per model-ready row. */
    public int preparedWidth() {
        return preparedShape.stream().reduce(1, Math::multiplyExact);
    }

    public Optional<ColumnSpec> rawColumn(String name) {
        return rawColumns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The label of class {@code index}, or the index itself when the model has no names. */
    public String label(int index) {
        return index < classLabels.size() ? classLabels.get(index) : Integer.toString(index);
    }

    /** How a client may call it, for error messages. */
    public String describeInputs() {
        if (uploaded()) {
            TensorSpec input = tensors.get().input();
            return "one input, " + input + ": [batch" + input.rowShape().stream().map(d -> ", " + d)
                    .reduce("", String::concat) + "]";
        }
        if (recommender()) {
            return "'" + USER_ID + "' (BYTES [batch], or INT64 [batch]): one user id per row";
        }
        return "'" + PREPARED_INPUT + "' (FP32 " + preparedShape + " per row) or the raw columns "
                + rawColumns.stream().map(c -> c.name() + " (" + c.kind() + ")").toList()
                + (windowed() ? ", each [batch, " + window + "]: the " + window + " rows of each example, oldest first"
                : "");
    }
}
