package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.Table;
import java.util.List;

/** Which columns a step works on: those named, or every feature column of one kind. */
final class ColumnSelection {

    private ColumnSelection() {
    }

    /**
     * The columns {@code requested} by {@code step}, or when none are, every feature
     * column of {@code kind} in table order.
     *
     * @throws IllegalArgumentException for an unknown column, one of another kind, or the label
     */
    static List<String> resolve(Table table, List<String> requested, ColumnKind kind, String step) {
        if (requested.isEmpty()) {
            return table.featureColumns().stream()
                    .filter(column -> column.kind() == kind)
                    .map(Column::name)
                    .toList();
        }
        for (String name : requested) {
            if (!table.hasColumn(name)) {
                throw new IllegalArgumentException(step + ": no column '" + name + "'; the table has "
                        + table.columnNames());
            }
            if (table.labelName().filter(name::equals).isPresent()) {
                throw new IllegalArgumentException(step + ": column '" + name + "' is the label, not a feature");
            }
            ColumnKind actual = table.column(name).kind();
            if (actual != kind) {
                throw new IllegalArgumentException(step + ": column '" + name + "' is " + actual
                        + ", the step needs " + kind);
            }
        }
        return List.copyOf(requested);
    }
}
