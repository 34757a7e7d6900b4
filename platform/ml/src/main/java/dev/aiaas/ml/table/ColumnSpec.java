package dev.aiaas.ml.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column's name, kind and, for images, the shape of one image (for example
 * {@code [28, 28]}). The shape is empty for scalar columns.
 *
 * @param name  column name
 * @param kind  what the column holds
 * @param shape image dimensions, each positive; empty unless {@code kind} is IMAGE
 */
public record ColumnSpec(String name, ColumnKind kind, int[] shape) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        shape = shape == null ? new int[0] : shape.clone();
        if (kind == ColumnKind.IMAGE) {
            ImageColumn.checkShape(name, shape);
        } else if (shape.length > 0) {
            throw new IllegalArgumentException("column '" + name + "': only IMAGE columns have a shape");
        }
    }

    /** A numeric column's spec. */
    public static ColumnSpec numeric(String name) {
        return new ColumnSpec(name, ColumnKind.NUMERIC, new int[0]);
    }

    /** A categorical column's spec. */
    public static ColumnSpec categorical(String name) {
        return new ColumnSpec(name, ColumnKind.CATEGORICAL, new int[0]);
    }

    /** An image column's spec with the shape of one image. */
    public static ColumnSpec image(String name, int... shape) {
        return new ColumnSpec(name, ColumnKind.IMAGE, shape);
    }

    /** Number of values per row: 1 for scalars, the product of the shape for images. */
    public int width() {
        int width = 1;
        for (int dim : shape) {
            width *= dim;
        }
        return width;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnSpec that
                && name.equals(that.name) && kind == that.kind && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return name + ":" + kind + (shape.length == 0 ? "" : Arrays.toString(shape));
    }
}
