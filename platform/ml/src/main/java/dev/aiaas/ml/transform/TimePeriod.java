package dev.aiaas.ml.transform;

import java.time.LocalDateTime;

/** A cycle of calendar time, and where a date-time falls in it, from 0 (start) to 1 (end). */
public enum TimePeriod {
    /** Day of the year; leap years are a day longer. */
    YEAR {
        @Override
        double phase(LocalDateTime time) {
            return (time.getDayOfYear() - 1 + dayFraction(time)) / time.toLocalDate().lengthOfYear();
        }
    },
    /** Day of the week, from Monday. */
    WEEK {
        @Override
        double phase(LocalDateTime time) {
            return (time.getDayOfWeek().getValue() - 1 + dayFraction(time)) / 7;
        }
    },
    /** Time of day. */
    DAY {
        @Override
        double phase(LocalDateTime time) {
            return dayFraction(time);
        }
    };

    abstract double phase(LocalDateTime time);

    private static double dayFraction(LocalDateTime time) {
        return time.toLocalTime().toNanoOfDay() / 86_400e9;
    }
}
