package dev.aiaas.ingest.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.ingest.config.IngestConfig;
import dev.aiaas.ingest.model.AutoSealReason;
import dev.aiaas.ingest.model.Dataset;
import dev.aiaas.ingest.model.DatasetVersion;
import dev.aiaas.ingest.storage.AutoSealCandidates;
import dev.aiaas.ingest.storage.AutoSealCandidates.Candidate;
import dev.aiaas.ingest.storage.DatasetStore;
import dev.aiaas.ingest.storage.OpenRecordStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Seals datasets by themselves once their auto-seal limits are reached: every
 * {@code ingest.auto-seal.interval}, a pass reads the datasets of every project that have a limit
 * and data open, and seals each one whose open rows or oldest open row reached its limit, with
 * {@link VersionSealer} (the same parts, manifest and DatasetVersionSealed event as SealVersion).
 *
 * <p>Safe with several replicas: each seal takes the dataset's row lock first and checks the limits
 * again under it, in the seal's own transaction, so when two passes race the second finds the
 * rows already sealed (or too few new ones) and does nothing. A seal that fails (the object store
 * away) is rolled back, logged with its dataset, and tried again by the next pass.
 */
@ApplicationScoped
public class AutoSealer {

    private static final Logger LOG = Logger.getLogger(AutoSealer.class);

    @Inject
    AutoSealCandidates candidates;

    @Inject
    DatasetStore datasets;

    @Inject
    OpenRecordStore openRecords;

    @Inject
    VersionSealer sealer;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry meters;

    @Scheduled(identity = "ingest-auto-seal", every = "${ingest.auto-seal.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.warnf("the auto-seal pass failed, it runs again in %s: %s", config.autoSeal().interval(),
                    e.getMessage());
        }
    }

    /** Checks every dataset with auto-seal limits once and seals those that reached one; how many it sealed. */
    public int pass() {
        List<Candidate> due = run(() -> candidates.list()).stream()
                .filter(c -> c.limits().reachedBy(c.open()).isPresent())
                .toList();
        int sealed = 0;
        for (Candidate candidate : due) {
            try {
                if (sealIfStillDue(candidate.project(), candidate.dataset())) {
                    sealed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("auto-sealing dataset %s of project %s failed, the next pass tries again: %s",
                        candidate.dataset(), candidate.project(), e.getMessage());
            }
        }
        return sealed;
    }

    /**
     * Seals the dataset if, under its lock, a limit is still reached: the check and the seal are one
     * transaction, with the seal's timeout. False when there is nothing to do any more.
     */
    private boolean sealIfStillDue(String project, String name) {
        Optional<Sealed> sealed = QuarkusTransaction.requiringNew()
                .timeout(config.seal().transactionTimeout())
                .call(() -> {
                    Optional<Dataset> locked = run(() -> datasets.lockForSeal(project, name));
                    if (locked.isEmpty()) {
                        return Optional.empty();
                    }
                    return locked.get().autoSeal().reachedBy(run(() -> openRecords.standing(project, name)))
                            .map(reason -> new Sealed(sealer.sealLocked(locked.get()), reason));
                });
        sealed.ifPresent(s -> {
            counter(project, name, s.reason()).increment();
            LOG.infof("auto-sealed dataset %s of project %s into v%d: its %s limit was reached", name, project,
                    s.version().version(), s.reason().tag());
        });
        return sealed.isPresent();
    }

    private Counter counter(String project, String dataset, AutoSealReason reason) {
        return Counter.builder("aiaas_ingest_auto_seals_total")
                .description("Versions ingest sealed by itself, by the auto-seal limit that was reached")
                .tag("project", project).tag("dataset", dataset).tag("reason", reason.tag())
                .register(meters);
    }

    /** A version an auto-seal made, and the limit that made it. */
    private record Sealed(DatasetVersion version, AutoSealReason reason) {
    }
}
