package dev.aiaas.monitoring.model;

import java.time.Instant;
import java.util.List;

/**
 * How right an endpoint's answers were over a time range, per model version in total and per
 * window.
 *
 * @param windows windows holding judged requests, oldest first
 * @param shadows each shadow version against the served answers to the same requests
 */
public record QualityReport(String endpoint, Instant start, Instant end, List<VersionQuality> totals,
        List<Window> windows, List<ShadowComparison> shadows) {

    /** The versions judged in one window. */
    public record Window(Instant start, List<VersionQuality> versions) {
    }
}
