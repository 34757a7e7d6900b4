package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.Prediction;
import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.storage.AnswerStore;
import dev.aiaas.monitoring.storage.SampleStore;
import dev.aiaas.monitoring.storage.WindowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts each logged prediction exactly once into its endpoint's window, and reports traffic.
 * An endpoint is named within its project: a report of one project never counts another's
 * endpoint of the same name, and is NOT_FOUND for it as for one never served.
 */
@ApplicationScoped
public class TrafficRecorder {

    @Inject
    WindowStore store;

    @Inject
    MonitoringConfig config;

    @Inject
    SampleStore samples;

    @Inject
    AnswerStore answers;

    /**
     * Adds one prediction to its window, keeps its sampled inputs and its answer (for ground
     * truth, the first answer logged for its request id); a redelivered event changes nothing.
     */
    @Transactional
    public boolean record(Prediction prediction) throws SQLException {
        if (!store.markProcessed(prediction.eventId())) {
            return false;
        }
        if (prediction.sample() != null && prediction.sample().rows() > 0) {
            samples.insert(prediction.project(), prediction.sample(), prediction.receivedAt());
        }
        if (prediction.answer() != null) {
            answers.insert(prediction.project(), prediction.endpoint(), prediction.answer());
        }
        Instant start = ReportRange.windowStart(prediction.receivedAt(), config.storedWindow());
        TrafficWindow current = store.findForUpdate(prediction.project(), prediction.endpoint(), start)
                .orElse(new TrafficWindow(prediction.endpoint(), start, 0, 0, 0, new LatencyHistogram()));
        LatencyHistogram latency = LatencyHistogram.of(current.latency().counts());
        latency.add(prediction.latencySeconds());
        store.save(prediction.project(), new TrafficWindow(prediction.endpoint(), start,
                current.requests() + 1,
                current.errors() + (prediction.failed() ? 1 : 0),
                current.rows() + prediction.rows(),
                latency));
        return true;
    }

    /**
     * Totals of an endpoint of {@code project} over a time range plus windows of {@code width} in
     * it, the newest {@code maxReportWindows}. Only the stored windows of the range are read.
     * The range is read by {@link ReportRange#of}.
     */
    public TrafficSummary summary(String project, String endpoint, Duration width, Instant from, Instant to) {
        ReportRange range = ReportRange.of(config, width, from, to);
        Instant start = range.start();
        Instant end = range.end();
        List<TrafficWindow> stored = run(() -> store.windows(project, endpoint, start, end));
        if (stored.isEmpty() && !run(() -> store.seen(project, endpoint))) {
            throw DomainException.notFound("monitoring has seen no prediction for endpoint '" + endpoint + "'");
        }
        Map<Instant, TrafficWindow> rolled = new TreeMap<>();
        LatencyHistogram total = new LatencyHistogram();
        long requests = 0;
        long errors = 0;
        long rows = 0;
        for (TrafficWindow window : stored) {
            Instant rolledStart = range.windowOf(window.start());
            TrafficWindow rebased = new TrafficWindow(endpoint, rolledStart, window.requests(), window.errors(),
                    window.rows(), window.latency());
            rolled.merge(rolledStart, rebased, TrafficRecorder::combine);
            total.merge(window.latency());
            requests += window.requests();
            errors += window.errors();
            rows += window.rows();
        }
        List<TrafficWindow> windows = new ArrayList<>(rolled.values());
        int first = Math.max(0, windows.size() - config.maxReportWindows());
        return new TrafficSummary(endpoint, start, end, requests, errors, rows, total,
                windows.subList(first, windows.size()));
    }

    private static TrafficWindow combine(TrafficWindow a, TrafficWindow b) {
        LatencyHistogram latency = LatencyHistogram.of(a.latency().counts());
        latency.merge(b.latency());
        return new TrafficWindow(a.endpoint(), a.start(), a.requests() + b.requests(), a.errors() + b.errors(),
                a.rows() + b.rows(), latency);
    }
}
