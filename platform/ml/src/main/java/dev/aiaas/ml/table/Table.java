package dev.aiaas.ml.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, column-oriented table: named {@link Column}s of equal length and,
 * optionally, which of them is the label a model learns to predict. Every other
 * column is a feature.
 */
public final class Table {

    private final List<Column> columns;
    private final String labelName;
    private final int rowCount;

    private Table(List<Column> columns, String labelName) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
        this.labelName = labelName;
        this.rowCount = columns.get(0).size();
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
            }
            if (column.size() != rowCount) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                        + " rows but column '" + columns.get(0).name() + "' has " + rowCount);
            }
        }
        if (labelName != null && !names.contains(labelName)) {
            throw new IllegalArgumentException("label column '" + labelName + "' is not one of " + names);
        }
    }

    /**
     * A table of {@code columns}, in that order.
     *
     * @param labelName the label column's name, or null for unlabelled data
     * @throws IllegalArgumentException for no columns, duplicate names, unequal lengths or an unknown label
     */
    public static Table of(List<Column> columns, String labelName) {
        return new Table(columns, labelName);
    }

    /** An unlabelled table of {@code columns}. */
    public static Table of(Column... columns) {
        return new Table(List.of(columns), null);
    }

    public int rowCount() {
        return rowCount;
    }

    /** All columns, label included, in table order. */
    public List<Column> columns() {
        return columns;
    }

    /** Every column but the label, in table order. */
    public List<Column> featureColumns() {
        return columns.stream().filter(column -> !column.name().equals(labelName)).toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public boolean hasColumn(String name) {
        return columns.stream().anyMatch(column -> column.name().equals(name));
    }

    /** @throws IllegalArgumentException naming the known columns when there is none called {@code name} */
    public Column column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no column '" + name + "'; the table has " + columnNames()));
    }

    /** @throws IllegalArgumentException when the column is missing or not NUMERIC */
    public NumericColumn numeric(String name) {
        return as(name, NumericColumn.class, ColumnKind.NUMERIC);
    }

    /** @throws IllegalArgumentException when the column is missing or not CATEGORICAL */
    public CategoricalColumn categorical(String name) {
        return as(name, CategoricalColumn.class, ColumnKind.CATEGORICAL);
    }

    /** @throws IllegalArgumentException when the column is missing or not IMAGE */
    public ImageColumn image(String name) {
        return as(name, ImageColumn.class, ColumnKind.IMAGE);
    }

    private <C extends Column> C as(String name, Class<C> type, ColumnKind kind) {
        Column column = column(name);
        if (!type.isInstance(column)) {
            throw new IllegalArgumentException("column '" + name + "' is " + column.kind() + ", not " + kind);
        }
        return type.cast(column);
    }

    /** The label column's name, if the table has one. */
    public Optional<String> labelName() {
        return Optional.ofNullable(labelName);
    }

    /** The label column, if the table has one. */
    public Optional<Column> label() {
        return labelName().map(this::column);
    }

    /** The rows at {@code rows}, in that order; indices may repeat. */
    public Table select(int[] rows) {
        for (int row : rows) {
            if (row < 0 || row >= rowCount) {
                throw new IndexOutOfBoundsException("row " + row + " of a table of " + rowCount + " rows");
            }
        }
        return new Table(columns.stream().map(column -> column.select(rows)).toList(), labelName);
    }

    /** This table with the column of the same name replaced by {@code replacement}. */
    public Table withColumn(Column replacement) {
        return replaceColumn(replacement.name(), List.of(replacement));
    }

    /**
     * This table with column {@code name} replaced, in place, by {@code replacements}
     * (none, one or several). The label cannot be replaced by other than one column of its name.
     */
    public Table replaceColumn(String name, List<? extends Column> replacements) {
        column(name);
        if (name.equals(labelName) && (replacements.size() != 1 || !replacements.get(0).name().equals(name))) {
            throw new IllegalArgumentException("label column '" + name + "' cannot be replaced or removed");
        }
        List<Column> result = new ArrayList<>(columns.size() + replacements.size());
        for (Column column : columns) {
            if (column.name().equals(name)) {
                result.addAll(replacements);
            } else {
                result.add(column);
            }
        }
        return new Table(result, labelName);
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows, columns=" + columns.stream().map(Column::spec).toList()
                + (labelName == null ? "" : ", label=" + labelName) + "]";
    }
}
