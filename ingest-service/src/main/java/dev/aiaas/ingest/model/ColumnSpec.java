package dev.aiaas.ingest.model;

import java.util.Arrays;

/** One typed column of a dataset's schema. */
public record ColumnSpec(String name, ColumnKind kind, boolean nullable, int[] shape) {

    /** Bytes one image of this column holds (the product of its shape). */
    public int imageBytes() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnSpec c && c.name.equals(name) && c.kind == kind && c.nullable == nullable
                && Arrays.equals(c.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }
}
