package dev.aiaas.ml.transform;

import dev.aiaas.ml.sequence.TimeValues;
import dev.aiaas.ml.table.Table;
import java.util.List;
import java.util.Objects;

/**
 * Turns a time column into where each time falls in its cycles: for each period a
 * sine and a cosine of the phase, so the end of a cycle sits next to its start (31
 * December beside 1 January). Learns nothing, so it is the same on every split.
 *
 * @param column  the time column: ISO-8601 text or seconds since the epoch
 * @param periods the cycles to encode, at least one
 */
public record CyclicalTime(String column, List<TimePeriod> periods) implements Step {

    public CyclicalTime {
        Objects.requireNonNull(column, "column");
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("cyclical time on '" + column + "' needs at least one period");
        }
        if (periods.stream().distinct().count() != periods.size()) {
            throw new IllegalArgumentException("cyclical time on '" + column + "' names a period twice: " + periods);
        }
    }

    @Override
    public FittedCyclicalTime fit(Table train) {
        if (train.labelName().filter(column::equals).isPresent()) {
            throw new IllegalArgumentException("cyclical time: column '" + column + "' is the label, not a feature");
        }
        TimeValues.epochSeconds(train.column(column));
        return new FittedCyclicalTime(column, periods);
    }
}
