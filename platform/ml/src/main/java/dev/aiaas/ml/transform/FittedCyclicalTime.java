package dev.aiaas.ml.transform;

import dev.aiaas.ml.sequence.TimeValues;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replaces the time column, in place, by {@code <column>_<period>_sin} and
 * {@code <column>_<period>_cos} for each period, in the order given.
 *
 * @param column  the time column
 * @param periods the cycles to encode
 */
public record FittedCyclicalTime(String column, List<TimePeriod> periods) implements FittedStep {

    public FittedCyclicalTime {
        periods = List.copyOf(periods);
    }

    @Override
    public Table apply(Table table) {
        LocalDateTime[] times = TimeValues.dateTimes(table.column(column));
        List<NumericColumn> encoded = new ArrayList<>(2 * periods.size());
        for (TimePeriod period : periods) {
            double[] sin = new double[times.length];
            double[] cos = new double[times.length];
            for (int row = 0; row < times.length; row++) {
                double angle = 2 * Math.PI * period.phase(times[row]);
                sin[row] = Math.sin(angle);
                cos[row] = Math.cos(angle);
            }
            String prefix = column + "_" + period.name().toLowerCase(Locale.ROOT);
            encoded.add(NumericColumn.of(prefix + "_sin", sin));
            encoded.add(NumericColumn.of(prefix + "_cos", cos));
        }
        return table.replaceColumn(column, encoded);
    }
}
