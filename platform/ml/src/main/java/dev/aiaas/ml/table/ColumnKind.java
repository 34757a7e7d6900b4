package dev.aiaas.ml.table;

/** What one column holds, and so how a missing value is written. */
public enum ColumnKind {
    /** Real numbers as {@code double}; {@link Double#NaN} marks a missing value. */
    NUMERIC,
    /** Categories as {@link String}; {@code null} marks a missing value. */
    CATEGORICAL,
    /** A fixed-shape image of unsigned bytes per row; images are never missing. */
    IMAGE
}
