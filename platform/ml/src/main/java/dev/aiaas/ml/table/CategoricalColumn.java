package dev.aiaas.ml.table;

import java.util.Objects;

/** A column of categories; {@code null} marks a missing value. */
public final class CategoricalColumn implements Column {

    private final String name;
    private final String[] values;

    private CategoricalColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
    }

    /** A column over a copy of {@code values}. */
    public static CategoricalColumn of(String name, String... values) {
        return new CategoricalColumn(name, values.clone());
    }

    /** The category at {@code row}; null when missing. */
    public String get(int row) {
        return values[row];
    }

    /** A copy of all values. */
    public String[] values() {
        return values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CATEGORICAL;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        String[] selected = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
        }
        return new CategoricalColumn(name, selected);
    }

    @Override
    public CategoricalColumn renamed(String newName) {
        return new CategoricalColumn(newName, values);
    }

    @Override
    public ColumnSpec spec() {
        return ColumnSpec.categorical(name);
    }
}
