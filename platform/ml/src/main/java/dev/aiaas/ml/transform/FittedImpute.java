package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import java.util.Objects;

/**
 * Replaces each missing value (NaN) of a column by the value learned for it.
 *
 * @param strategy how the values were learned (kept for lineage; applying does not need it)
 * @param fills    one fill value per column
 */
public record FittedImpute(Impute.Strategy strategy, List<Fill> fills) implements FittedStep {

    /** The value that replaces a missing one in {@code column}. */
    public record Fill(String column, double value) {
        public Fill {
            Objects.requireNonNull(column, "column");
        }
    }

    public FittedImpute {
        fills = List.copyOf(fills);
    }

    @Override
    public Table apply(Table table) {
        Table result = table;
        for (Fill fill : fills) {
            NumericColumn column = table.numeric(fill.column());
            double[] values = column.values();
            for (int row = 0; row < values.length; row++) {
                if (Double.isNaN(values[row])) {
                    values[row] = fill.value();
                }
            }
            result = result.withColumn(column.withValues(values));
        }
        return result;
    }
}
