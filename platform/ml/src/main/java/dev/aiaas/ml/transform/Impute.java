package dev.aiaas.ml.transform;

import dev.aiaas.ml.stats.SampleStatistics;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fills missing values of numeric columns with the training split's mean or median.
 *
 * @param strategy which statistic fills the gaps
 * @param columns  numeric columns to fill; empty means every numeric feature column
 */
public record Impute(Strategy strategy, List<String> columns) implements Step {

    /** The statistic of the training values that replaces a missing value. */
    public enum Strategy {
        MEAN,
        MEDIAN
    }

    public Impute {
        Objects.requireNonNull(strategy, "strategy");
        columns = List.copyOf(columns);
    }

    /** Imputes every numeric feature column. */
    public Impute(Strategy strategy) {
        this(strategy, List.of());
    }

    @Override
    public FittedImpute fit(Table train) {
        List<FittedImpute.Fill> fills = new ArrayList<>();
        for (String name : ColumnSelection.resolve(train, columns, ColumnKind.NUMERIC, "impute")) {
            double[] present = SampleStatistics.present(train.numeric(name).values());
            if (present.length == 0) {
                throw new IllegalArgumentException("impute: column '" + name
                        + "' has no values in the training split to learn a " + strategy + " from");
            }
            double value = strategy == Strategy.MEAN
                    ? SampleStatistics.mean(present)
                    : SampleStatistics.median(present);
            fills.add(new FittedImpute.Fill(name, value));
        }
        return new FittedImpute(strategy, fills);
    }
}
