package dev.aiaas.monitoring.model;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint's traffic over a time range [start, end) and per window in it, oldest window first,
 * counting what clients got; and each version's traffic in each role over the range.
 */
public record TrafficSummary(
        String endpoint,
        Instant start,
        Instant end,
        long requests,
        long errors,
        long rows,
        LatencyHistogram latency,
        List<TrafficWindow> windows,
        List<Version> versions) {

    /** One version's traffic in one role over the range. */
    public record Version(VersionKey key, TrafficWindow traffic) {
    }
}
