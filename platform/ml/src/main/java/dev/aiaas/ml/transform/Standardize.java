package dev.aiaas.ml.transform;

import dev.aiaas.ml.stats.SampleStatistics;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Centres and scales numeric columns: {@code (x - mean) / std} with the training
 * split's mean and population standard deviation. A constant column (std 0) is only
 * centred (std taken as 1), so it becomes zeros rather than NaN.
 *
 * @param columns numeric columns to scale; empty means every numeric feature column
 */
public record Standardize(List<String> columns) implements Step {

    public Standardize {
        columns = List.copyOf(columns);
    }

    /** Standardizes every numeric feature column. */
    public Standardize() {
        this(List.of());
    }

    @Override
    public FittedStandardize fit(Table train) {
        List<FittedStandardize.Scaling> scalings = new ArrayList<>();
        for (String name : ColumnSelection.resolve(train, columns, ColumnKind.NUMERIC, "standardize")) {
            double[] present = SampleStatistics.present(train.numeric(name).values());
            if (present.length == 0) {
                throw new IllegalArgumentException("standardize: column '" + name
                        + "' has no values in the training split");
            }
            double mean = SampleStatistics.mean(present);
            double std = SampleStatistics.populationStd(present, mean);
            scalings.add(new FittedStandardize.Scaling(name, mean, std == 0 ? 1 : std));
        }
        return new FittedStandardize(scalings);
    }
}
