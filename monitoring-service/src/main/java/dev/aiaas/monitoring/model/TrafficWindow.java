package dev.aiaas.monitoring.model;

import java.time.Instant;

/** Traffic of one endpoint in one time window. */
public record TrafficWindow(
        String endpoint,
        Instant start,
        long requests,
        long errors,
        long rows,
        LatencyHistogram latency) {
}
