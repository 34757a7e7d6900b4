package dev.aiaas.monitoring.dashboard;

import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.VersionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's traffic as the dashboard draws it: totals and windows of what clients got, and
 * each version in each role (a shadow's included) in total and per window. Latencies in seconds.
 *
 * @param windowSeconds the windows' width: a window's {@code requests} is the throughput per window
 */
public record TrafficView(String endpoint, Instant start, Instant end, long windowSeconds, Figures totals,
        List<Window> windows, List<Version> versions) {

    /** Figures over a whole range. */
    public record Figures(long requests, long errors, long rows, double errorRate, double p50, double p95,
            double p99) {

        static Figures of(TrafficWindow traffic) {
            return new Figures(traffic.requests(), traffic.errors(), traffic.rows(), traffic.errorRate(),
                    traffic.latency().percentile(0.50), traffic.latency().percentile(0.95),
                    traffic.latency().percentile(0.99));
        }
    }

    /** Figures of one window. */
    public record Window(Instant start, long requests, long errors, long rows, double errorRate, double p50,
            double p99) {

        static Window of(TrafficWindow window) {
            return new Window(window.start(), window.requests(), window.errors(), window.rows(), window.errorRate(),
                    window.latency().percentile(0.50), window.latency().percentile(0.99));
        }
    }

    /** One model version in one role: champion, challenger or shadow. */
    public record Version(String model, long version, String role, Figures totals, List<Window> windows) {
    }

    static TrafficView of(TrafficSummary summary, Duration width, Map<VersionKey, List<TrafficWindow>> series) {
        TrafficWindow total = new TrafficWindow(summary.endpoint(), summary.start(), summary.requests(),
                summary.errors(), summary.rows(), summary.latency());
        return new TrafficView(summary.endpoint(), summary.start(), summary.end(), width.toSeconds(),
                Figures.of(total), summary.windows().stream().map(Window::of).toList(),
                summary.versions().stream().map(version -> new Version(version.key().modelName(),
                        version.key().modelVersion(), version.key().role().label(), Figures.of(version.traffic()),
                        series.getOrDefault(version.key(), List.of()).stream().map(Window::of).toList()))
                        .toList());
    }
}
