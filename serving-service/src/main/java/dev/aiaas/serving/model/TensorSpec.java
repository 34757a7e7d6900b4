package dev.aiaas.serving.model;

import java.util.List;

/**
 * A tensor as a model's signature names it: its name, its Open Inference Protocol datatype
 * (FP32, INT64, …) and its shape, {@value #FREE} for a free dimension; the first dimension is the
 * batch.
 */
public record TensorSpec(String name, String datatype, List<Long> shape) {

    /** A free dimension: the batch, or another the model takes in any size. */
    public static final long FREE = -1;

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    /** The dimensions of one row: everything after the batch. */
    public List<Long> rowShape() {
        return shape.isEmpty() ? List.of() : shape.subList(1, shape.size());
    }

    /** Whether every dimension of a row has a fixed size. */
    public boolean fixedRows() {
        return rowShape().stream().allMatch(dim -> dim > 0);
    }

    /** Elements per row; only meaningful when {@link #fixedRows()}. */
    public long rowWidth() {
        return rowShape().stream().reduce(1L, Math::multiplyExact);
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + datatype + " " + shape + ")";
    }
}
