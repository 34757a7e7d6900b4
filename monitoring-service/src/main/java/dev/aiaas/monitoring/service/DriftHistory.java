package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.DriftResult;
import dev.aiaas.monitoring.model.DriftSnapshot;
import dev.aiaas.monitoring.storage.DriftSnapshotStore;
import dev.aiaas.monitoring.storage.DriftSnapshotStore.Due;
import dev.aiaas.monitoring.storage.WindowStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Drift over time: every {@code monitoring.drift.history-interval}, each endpoint that got sampled
 * traffic since its newest snapshot gets a snapshot of its drift report ({@link DriftAnalyzer}),
 * kept in {@code drift_snapshot} until the traffic windows' retention. A pass looks at up to
 * {@value #SWEEP} sampled endpoints and reports at most {@code monitoring.dashboard.max-endpoints}
 * of them; an endpoint whose report failed (no baseline profile) is tried again only once it gets
 * new samples. Every replica takes snapshots: a duplicate is harmless, each is a report as it stood.
 */
@ApplicationScoped
public class DriftHistory {

    /** Most sampled endpoints one pass looks at. */
    static final int SWEEP = 10_000;

    private static final Logger LOG = Logger.getLogger(DriftHistory.class);

    @Inject
    DriftSnapshotStore snapshots;

    @Inject
    WindowStore windows;

    @Inject
    DriftAnalyzer analyzer;

    @Inject
    MonitoringConfig config;

    /** Endpoints whose report failed, with the newest sample it was tried on. */
    private final Map<String, Long> failed = new ConcurrentHashMap<>();

    @Scheduled(every = "${monitoring.drift.history-interval:PT1M}", delayed = "${monitoring.drift.history-interval:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            snapshot();
        } catch (RuntimeException e) {
            LOG.warnf("drift snapshots failed (the next pass in %s tries again): %s",
                    config.drift().historyInterval(), e.getMessage());
        }
    }

    /** Takes a snapshot of each endpoint sampled since its newest one; how many were taken. */
    public int snapshot() {
        Instant now = Instant.now();
        List<Due> due = run(() -> snapshots.due(SWEEP)).stream()
                .filter(endpoint -> !Long.valueOf(endpoint.newestSampleId()).equals(failed.get(key(endpoint))))
                .limit(config.dashboard().maxEndpoints()).toList();
        int taken = 0;
        for (Due endpoint : due) {
            try {
                DriftResult report = analyzer.report(endpoint.project(), endpoint.endpoint());
                DriftSnapshot snapshot = DriftSnapshot.of(report, endpoint.newestSampleId(), now);
                run(() -> {
                    snapshots.insert(endpoint.project(), endpoint.endpoint(), snapshot);
                    return null;
                });
                failed.remove(key(endpoint));
                taken++;
            } catch (RuntimeException e) {
                // no baseline profile, or one that cannot be read: nothing to draw until new samples come
                if (failed.size() >= SWEEP) {
                    failed.clear();
                }
                failed.put(key(endpoint), endpoint.newestSampleId());
                LOG.debugf("no drift snapshot of endpoint %s of project %s: %s", endpoint.endpoint(),
                        endpoint.project(), e.getMessage());
            }
        }
        return taken;
    }

    private static String key(Due endpoint) {
        return endpoint.project() + "/" + endpoint.endpoint();
    }

    /**
     * The snapshots of an endpoint of {@code project} taken in the range, the newest
     * {@code monitoring.max-report-windows}, oldest first.
     *
     * @throws DomainException NOT_FOUND when monitoring has seen no prediction for the endpoint
     */
    public List<DriftSnapshot> of(String project, String endpoint, ReportRange range) {
        List<DriftSnapshot> taken = run(() -> snapshots.list(project, endpoint, range.start(), range.end(),
                config.maxReportWindows()));
        if (taken.isEmpty() && !run(() -> windows.seen(project, endpoint))) {
            throw DomainException.notFound("monitoring has seen no prediction for endpoint '" + endpoint + "'");
        }
        return taken;
    }
}
