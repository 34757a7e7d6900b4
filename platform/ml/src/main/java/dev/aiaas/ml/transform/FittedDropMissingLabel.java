package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.Table;
import java.util.stream.IntStream;

/**
 * Keeps the rows that have a label. A table without a label column (a serving
 * request) passes through unchanged.
 */
public record FittedDropMissingLabel() implements FittedStep {

    @Override
    public Table apply(Table table) {
        if (table.label().isEmpty()) {
            return table;
        }
        Column label = table.label().get();
        int[] kept = IntStream.range(0, table.rowCount()).filter(row -> !label.isMissing(row)).toArray();
        return kept.length == table.rowCount() ? table : table.select(kept);
    }
}
