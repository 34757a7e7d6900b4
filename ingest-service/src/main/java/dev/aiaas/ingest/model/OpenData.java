package dev.aiaas.ingest.model;

import java.time.Duration;

/**
 * What a dataset holds open (not yet sealed): how many rows, and how long ago its oldest row
 * arrived ({@link Duration#ZERO} when none is open).
 */
public record OpenData(long rows, Duration oldestAge) {

    /** Nothing open. */
    public static final OpenData NONE = new OpenData(0, Duration.ZERO);
}
