package dev.aiaas.ml.table;

import java.util.Objects;

/** A column of real numbers; {@link Double#NaN} marks a missing value. */
public final class NumericColumn implements Column {

    private final String name;
    private final double[] values;

    private NumericColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
    }

    /** A column over a copy of {@code values}. */
    public static NumericColumn of(String name, double... values) {
        return new NumericColumn(name, values.clone());
    }

    /** The value at {@code row}; NaN when missing. */
    public double get(int row) {
        return values[row];
    }

    /** A copy of all values. */
    public double[] values() {
        return values.clone();
    }

    /**
     * A new column with {@code newValues} under this column's name. The array is taken,
     * not copied: the caller must not change it afterwards.
     */
    public NumericColumn withValues(double[] newValues) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException("column '" + name + "' has " + values.length
                    + " rows, not " + newValues.length);
        }
        return new NumericColumn(name, newValues);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public NumericColumn select(int[] rows) {
        double[] selected = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new NumericColumn(name, selected);
    }

    @Override
    public NumericColumn renamed(String newName) {
        return new NumericColumn(newName, values);
    }

    @Override
    public ColumnSpec spec() {
        return ColumnSpec.numeric(name);
    }
}
