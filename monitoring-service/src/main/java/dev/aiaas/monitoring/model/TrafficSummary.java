package dev.aiaas.monitoring.model;

import java.util.List;

/** An endpoint's traffic over its whole life and per window, oldest window first. */
public record TrafficSummary(
        String endpoint,
        long requests,
        long errors,
        long rows,
        LatencyHistogram latency,
        List<TrafficWindow> windows) {
}
