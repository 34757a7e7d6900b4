package dev.aiaas.ml.sequence;

import java.util.Objects;

/**
 * How rows become examples for a sequence model: each example is {@code window}
 * consecutive rows of one series (ordered by {@code timeColumn}) as input, and the
 * {@code horizon} values of {@code target} that follow as what to predict. Window ends
 * are {@code stride} rows apart.
 *
 * @param timeColumn  orders the rows; ISO-8601 text or seconds since the epoch
 * @param groupColumn one series per value, or null for a single series
 * @param target      the numeric column to forecast; its past values are input too
 * @param window      past rows per example, at least 1
 * @param horizon     future values per example, at least 1
 * @param stride      rows between consecutive window ends, at least 1
 */
public record WindowSpec(String timeColumn, String groupColumn, String target, int window, int horizon,
                         int stride) {

    /** The longest window accepted, so one example stays a small allocation. */
    public static final int MAX_WINDOW = 1024;

    public WindowSpec {
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(target, "target");
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be 1 to " + MAX_WINDOW + " rows, was " + window);
        }
        if (horizon < 1 || horizon > MAX_WINDOW) {
            throw new IllegalArgumentException("horizon must be 1 to " + MAX_WINDOW + " values, was " + horizon);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1 row, was " + stride);
        }
        if (timeColumn.equals(target) || timeColumn.equals(groupColumn)) {
            throw new IllegalArgumentException("the time column '" + timeColumn
                    + "' cannot also be the target or the group column");
        }
    }
}
