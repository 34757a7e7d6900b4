package dev.aiaas.ml.table;

/**
 * One named column of a {@link Table}. Columns are immutable: every operation that
 * changes values returns a new column.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, ImageColumn {

    /** The column's name, unique within its table. */
    String name();

    /** What the column holds. */
    ColumnKind kind();

    /** Number of rows. */
    int size();

    /** Whether the value at {@code row} is missing (always false for images). */
    boolean isMissing(int row);

    /** A column holding the given rows, in the given order; indices may repeat. */
    Column select(int[] rows);

    /** The same values under another name. */
    Column renamed(String newName);

    /** The column's name, kind and (for images) shape. */
    ColumnSpec spec();
}
