package dev.aiaas.ml.sequence;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.NumericColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a time column: ISO-8601 text ({@code 2015-12-31}, {@code 2015-12-31T06:00},
 * {@code 2015-12-31T06:00:00Z} or with an offset; dates without an offset are UTC) or
 * numbers of seconds since the epoch. Every value must be present.
 */
public final class TimeValues {

    private TimeValues() {
    }

    /**
     * Every row's time as seconds since the epoch, ready to order rows by.
     *
     * @throws IllegalArgumentException naming the row for a missing or unreadable time
     */
    public static double[] epochSeconds(Column column) {
        double[] seconds = new double[column.size()];
        for (int row = 0; row < seconds.length; row++) {
            seconds[row] = epochSeconds(column, row);
        }
        return seconds;
    }

    /**
     * Every row's time as a UTC date-time.
     *
     * @throws IllegalArgumentException naming the row for a missing or unreadable time
     */
    public static LocalDateTime[] dateTimes(Column column) {
        LocalDateTime[] times = new LocalDateTime[column.size()];
        for (int row = 0; row < times.length; row++) {
            double seconds = epochSeconds(column, row);
            long whole = (long) Math.floor(seconds);
            times[row] = LocalDateTime.ofEpochSecond(whole, (int) Math.round((seconds - whole) * 1e9) % 1_000_000_000,
                    ZoneOffset.UTC);
        }
        return times;
    }

    private static double epochSeconds(Column column, int row) {
        if (column.isMissing(row)) {
            throw new IllegalArgumentException("row " + row + " has no time in column '" + column.name()
                    + "'; every row of a time column needs one");
        }
        if (column instanceof NumericColumn numeric) {
            return numeric.get(row);
        }
        if (column instanceof CategoricalColumn text) {
            return parse(text.get(row).trim(), column.name(), row);
        }
        throw new IllegalArgumentException("time column '" + column.name() + "' is " + column.kind()
                + "; it must hold ISO-8601 text or seconds since the epoch");
    }

    private static double parse(String text, String column, int row) {
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return seconds(OffsetDateTime.parse(text).toInstant());
            }
            return seconds(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("row " + row + ": '" + text + "' in time column '" + column
                    + "' is not an ISO-8601 date or date-time (for example 2015-12-31 or 2015-12-31T06:00:00Z)");
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
