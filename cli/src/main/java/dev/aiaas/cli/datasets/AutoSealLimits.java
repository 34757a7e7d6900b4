package dev.aiaas.cli.datasets;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import dev.aiaas.proto.ingest.v1.Dataset;
import java.time.Duration;

/** A dataset's auto-seal limits: built from the flags that set them, and as {@code show} prints them. */
final class AutoSealLimits {

    private AutoSealLimits() {
    }

    /**
     * The limits of {@code rows} open rows and an oldest open row {@code age} old (0 or null: that
     * limit off); a usage error naming {@code ageFlag} when the age is not whole seconds.
     */
    static AutoSeal of(long rows, Duration age, String ageFlag) {
        Duration limit = age == null ? Duration.ZERO : age;
        if (limit.getNano() != 0) {
            throw CommandFailure.usage(ageFlag + " takes whole seconds (e.g. 90s, 10m, 2h), not " + limit);
        }
        return AutoSeal.newBuilder().setMaxOpenRows(rows).setMaxAgeSeconds(limit.getSeconds()).build();
    }

    /**
     * When ingest seals the dataset by itself: {@code at 10000 open rows, or when the oldest is 10m old},
     * one of the two, or {@code off}.
     */
    static String describe(Dataset dataset) {
        long rows = dataset.getAutoSeal().getMaxOpenRows();
        long age = dataset.getAutoSeal().getMaxAgeSeconds();
        String byRows = "at " + rows + " open rows";
        String byAge = "when the oldest is " + age(age) + " old";
        if (rows > 0 && age > 0) {
            return byRows + ", or " + byAge;
        }
        return rows > 0 ? byRows : age > 0 ? byAge : "off";
    }

    /** Seconds in the largest unit that divides them: {@code 2h}, {@code 10m}, {@code 90s}. */
    static String age(long seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
