package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.storage.RetentionStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Applies {@code monitoring.retention.*} every {@code monitoring.retention.interval}: counted
 * event ids, drift samples, traffic windows (drift snapshots with them) and resolved alerts older
 * than their retention are deleted, and kept answers and ground truth older than
 * {@code monitoring.ground-truth.horizon}.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    RetentionStore store;

    @Inject
    MonitoringConfig config;

    @Scheduled(every = "${monitoring.retention.interval:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            apply();
        } catch (RuntimeException e) {
            LOG.warnf("the retention job failed (it runs again in %s): %s", config.retention().interval(), e.getMessage());
        }
    }

    /** Deletes what is older than its retention; how many rows went. */
    public long apply() {
        MonitoringConfig.Retention retention = config.retention();
        long events = run(() -> store.deleteProcessedEvents(retention.processedEvents()));
        long samples = run(() -> store.deleteSamples(retention.samples()));
        long windows = run(() -> store.deleteWindows(retention.windows()));
        long snapshots = run(() -> store.deleteDriftSnapshots(retention.windows()));
        Duration horizon = config.groundTruth().horizon();
        long answers = run(() -> store.deleteAnswers(horizon));
        long truths = run(() -> store.deleteGroundTruth(horizon));
        long alerts = run(() -> store.deleteResolvedAlerts(retention.alerts()));
        long deleted = events + samples + windows + snapshots + answers + truths + alerts;
        if (deleted > 0) {
            LOG.infof("retention: deleted %d counted event ids, %d drift samples, %d traffic windows, %d drift snapshots, "
                    + "%d kept answers, %d ground truths, %d resolved alerts", events, samples, windows, snapshots,
                    answers, truths, alerts);
        }
        return deleted;
    }
}
