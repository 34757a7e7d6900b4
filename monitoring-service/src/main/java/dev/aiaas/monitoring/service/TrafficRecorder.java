package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.LatencyHistogram;
import dev.aiaas.monitoring.model.Prediction;
import dev.aiaas.monitoring.model.TrafficSummary;
import dev.aiaas.monitoring.model.TrafficWindow;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.model.VersionWindow;
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
     * Adds one prediction to its version's window, keeps its sampled inputs (unless a shadow
     * answered: drift describes what clients sent and got) and its answer (for ground truth, the
     * first answer logged for its request id in its kind, served or shadow); a redelivered event
     * changes nothing.
     */
    @Transactional
    public boolean record(Prediction prediction) throws SQLException {
        if (!store.markProcessed(prediction.eventId())) {
            return false;
        }
        if (prediction.sample() != null && prediction.sample().rows() > 0 && prediction.version().role().answersClients()) {
            samples.insert(prediction.project(), prediction.sample(), prediction.receivedAt());
        }
        if (prediction.answer() != null) {
            answers.insert(prediction.project(), prediction.endpoint(), prediction.answer());
        }
        Instant start = ReportRange.windowStart(prediction.receivedAt(), config.storedWindow());
        TrafficWindow current = store.findForUpdate(prediction.project(), prediction.endpoint(), prediction.version(),
                start).orElse(TrafficWindow.empty(prediction.endpoint(), start));
        store.save(prediction.project(), prediction.version(),
                current.with(prediction.latencySeconds(), prediction.failed(), prediction.rows()));
        return true;
    }

    /**
     * Totals of an endpoint of {@code project} over a time range plus windows of {@code width} in
     * it, the newest {@code maxReportWindows}, counting what clients got; and the totals of each
     * version in each role, a shadow's included. Only the stored windows of the range are read.
     * The range is read by {@link ReportRange#of}.
     */
    public TrafficSummary summary(String project, String endpoint, Duration width, Instant from, Instant to) {
        ReportRange range = ReportRange.of(config, width, from, to);
        Instant start = range.start();
        Instant end = range.end();
        List<VersionWindow> stored = run(() -> store.versionWindows(project, endpoint, start, end));
        if (stored.isEmpty() && !run(() -> store.seen(project, endpoint))) {
            throw DomainException.notFound("monitoring has seen no prediction for endpoint '" + endpoint + "'");
        }
        Map<Instant, TrafficWindow> rolled = new TreeMap<>();
        TrafficWindow total = TrafficWindow.empty(endpoint, start);
        Map<VersionKey, TrafficWindow> versions = new TreeMap<>(VersionKey.ORDER);
        for (VersionWindow counted : stored) {
            TrafficWindow window = counted.window();
            versions.merge(counted.version(), window, TrafficWindow::plus);
            if (!counted.version().role().answersClients()) {
                continue;
            }
            Instant rolledStart = range.windowOf(window.start());
            rolled.merge(rolledStart, TrafficWindow.empty(endpoint, rolledStart).plus(window), TrafficWindow::plus);
            total = total.plus(window);
        }
        List<TrafficWindow> windows = new ArrayList<>(rolled.values());
        int first = Math.max(0, windows.size() - config.maxReportWindows());
        return new TrafficSummary(endpoint, start, end, total.requests(), total.errors(), total.rows(), total.latency(),
                windows.subList(first, windows.size()),
                versions.entrySet().stream().map(e -> new TrafficSummary.Version(e.getKey(), e.getValue())).toList());
    }

    /** The endpoints of {@code project} monitoring has counted traffic of, by name, at most {@code limit}. */
    public List<String> endpoints(String project, int limit) {
        return run(() -> store.endpoints(project, limit));
    }

    /**
     * Each version's traffic in each role (a shadow's included) at an endpoint of {@code project}
     * in windows of {@code width} over the range, the newest {@code maxReportWindows} of each,
     * oldest first; the range is read by {@link ReportRange#of}. Empty when nothing was counted in it.
     */
    public Map<VersionKey, List<TrafficWindow>> versionWindows(String project, String endpoint, Duration width,
            Instant from, Instant to) {
        ReportRange range = ReportRange.of(config, width, from, to);
        List<VersionWindow> stored = run(() -> store.versionWindows(project, endpoint, range.start(), range.end()));
        Map<VersionKey, Map<Instant, TrafficWindow>> rolled = new TreeMap<>(VersionKey.ORDER);
        for (VersionWindow counted : stored) {
            Instant start = range.windowOf(counted.window().start());
            rolled.computeIfAbsent(counted.version(), version -> new TreeMap<>())
                    .merge(start, TrafficWindow.empty(endpoint, start).plus(counted.window()), TrafficWindow::plus);
        }
        Map<VersionKey, List<TrafficWindow>> series = new TreeMap<>(VersionKey.ORDER);
        rolled.forEach((version, windows) -> {
            List<TrafficWindow> oldestFirst = new ArrayList<>(windows.values());
            series.put(version, oldestFirst.subList(Math.max(0, oldestFirst.size() - config.maxReportWindows()),
                    oldestFirst.size()));
        });
        return series;
    }
}
