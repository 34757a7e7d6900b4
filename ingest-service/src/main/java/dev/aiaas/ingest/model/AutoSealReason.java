package dev.aiaas.ingest.model;

import java.util.Locale;

/** Which of a dataset's {@link AutoSealLimits} made ingest seal it. */
public enum AutoSealReason {
    /** Its open rows reached {@code maxOpenRows}. */
    ROWS,
    /** Its oldest open row became {@code maxAgeSeconds} old. */
    AGE;

    /** The reason as a metric tag and in logs: {@code rows} or {@code age}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
