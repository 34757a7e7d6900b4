package dev.aiaas.monitoring.model;

import java.time.Instant;

/** Traffic of one endpoint (or of one of its versions) in one time window. */
public record TrafficWindow(
        String endpoint,
        Instant start,
        long requests,
        long errors,
        long rows,
        LatencyHistogram latency) {

    /** An empty window of {@code endpoint} starting at {@code start}. */
    public static TrafficWindow empty(String endpoint, Instant start) {
        return new TrafficWindow(endpoint, start, 0, 0, 0, new LatencyHistogram());
    }

    /** This window's traffic and {@code other}'s together, at this window's start. */
    public TrafficWindow plus(TrafficWindow other) {
        LatencyHistogram merged = LatencyHistogram.of(latency.counts());
        merged.merge(other.latency);
        return new TrafficWindow(endpoint, start, requests + other.requests, errors + other.errors,
                rows + other.rows, merged);
    }

    /** This window with one more request. */
    public TrafficWindow with(double latencySeconds, boolean failed, int requestRows) {
        LatencyHistogram added = LatencyHistogram.of(latency.counts());
        added.add(latencySeconds);
        return new TrafficWindow(endpoint, start, requests + 1, errors + (failed ? 1 : 0), rows + requestRows, added);
    }

    /** The share of requests that failed; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : errors / (double) requests;
    }
}
