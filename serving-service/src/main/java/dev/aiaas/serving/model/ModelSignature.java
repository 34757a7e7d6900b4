package dev.aiaas.serving.model;

import dev.aiaas.ml.table.ColumnSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a served version accepts and answers, known before a request's tensors are read, so
 * every size is checked against it before memory is reserved.
 *
 * @param preparedShape the shape of one model-ready row (without the batch dimension)
 * @param rawColumns    the raw columns its fitted transform reads, in schema order
 * @param classLabels   the class label names, index = class; empty when the model has none
 */
public record ModelSignature(List<Integer> preparedShape, List<ColumnSpec> rawColumns, List<String> classLabels,
        int outputs) {

    /** Name of the single input that carries model-ready FP32 features [batch, …]. */
    public static final String PREPARED_INPUT = "input";
    /** Output: FP32 [batch, classes], each row summing to 1. */
    public static final String PROBABILITIES = "probabilities";
    /** Output: INT64 [batch], the index of the most probable class. */
    public static final String PREDICTED_CLASS = "predicted_class";
    /** Output: BYTES [batch], the label name of the most probable class. */
    public static final String PREDICTED_LABEL = "predicted_label";
    public static final Set<String> OUTPUTS = Set.of(PROBABILITIES, PREDICTED_CLASS, PREDICTED_LABEL);

    public ModelSignature {
        preparedShape = List.copyOf(preparedShape);
        rawColumns = List.copyOf(rawColumns);
        classLabels = List.copyOf(classLabels);
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
        return "'" + PREPARED_INPUT + "' (FP32 " + preparedShape + " per row) or the raw columns "
                + rawColumns.stream().map(c -> c.name() + " (" + c.kind() + ")").toList();
    }
}
