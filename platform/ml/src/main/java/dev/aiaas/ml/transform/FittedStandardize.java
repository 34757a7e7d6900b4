package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import java.util.Objects;

/**
 * {@code (x - mean) / std} per column with the training split's parameters; a
 * missing value stays missing.
 *
 * @param scalings one mean and standard deviation per column
 */
public record FittedStandardize(List<Scaling> scalings) implements FittedStep {

    /**
     * The parameters of one column.
     *
     * @param std the divisor, never 0 (a constant training column gets 1)
     */
    public record Scaling(String column, double mean, double std) {
        public Scaling {
            Objects.requireNonNull(column, "column");
            if (!(std > 0)) {
                throw new IllegalArgumentException("column '" + column + "': std must be positive, was " + std);
            }
        }
    }

    public FittedStandardize {
        scalings = List.copyOf(scalings);
    }

    @Override
    public Table apply(Table table) {
        Table result = table;
        for (Scaling scaling : scalings) {
            NumericColumn column = table.numeric(scaling.column());
            double[] values = column.values();
            for (int row = 0; row < values.length; row++) {
                values[row] = (values[row] - scaling.mean()) / scaling.std();
            }
            result = result.withColumn(column.withValues(values));
        }
        return result;
    }
}
