package dev.aiaas.training.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.messaging.JobQueueEvents;
import dev.aiaas.training.model.ExpiredLease;
import dev.aiaas.training.model.JobRef;
import dev.aiaas.training.model.JobState;
import dev.aiaas.training.storage.JobLeases;
import dev.aiaas.training.storage.JobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps the job queue moving whatever happens to workers and announcements, on every replica
 * (rows one replica handles are skipped by the others):
 * <ul>
 * <li>the reaper re-queues a RUNNING job whose lease ran out (its worker vanished) and
 * announces it again; it resumes from its last checkpoint. After
 * {@code training.worker.max-attempts} takes the job fails instead, saying so;</li>
 * <li>the sweeper announces again a QUEUED job whose announcement is older than
 * {@code training.worker.announce-silence} (lost, or it met a worker that could not take it).</li>
 * </ul>
 * Announcing twice is harmless: only one worker can claim a QUEUED job. Both look at every
 * project's jobs; each announcement names its job's project.
 */
@ApplicationScoped
public class QueueKeeper {

    private static final Logger LOG = Logger.getLogger(QueueKeeper.class);
    private static final int BATCH = 100;

    @Inject
    JobLeases leases;

    @Inject
    JobStore jobs;

    @Inject
    JobQueueEvents events;

    @Inject
    TrainingConfig config;

    @Scheduled(every = "${training.worker.heartbeat-interval}", delayed = "${training.worker.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keep() {
        try {
            QuarkusTransaction.requiringNew().run(this::reap);
            QuarkusTransaction.requiringNew().run(this::sweep);
        } catch (RuntimeException e) {
            LOG.warnf("the job queue's reaper or sweeper failed (will run again): %s", e.getMessage());
        }
    }

    /** Re-queues (or fails) the running jobs whose worker stopped renewing its lease. */
    void reap() {
        run(() -> {
            List<ExpiredLease> expired = leases.expired(BATCH);
            for (ExpiredLease lease : expired) {
                String silent = "worker " + lease.workerId() + " stopped renewing its lease (it expired at "
                        + lease.expiredAt() + ")";
                if (lease.attempts() >= config.worker().maxAttempts()) {
                    String error = silent + "; the job was taken " + lease.attempts() + " times, the most "
                            + "training.worker.max-attempts allows: look at the workers' logs (out of memory?), "
                            + "then submit it again";
                    jobs.failRunning(lease.project(), lease.jobId(), null, error);
                    jobs.appendProgress(lease.project(), lease.jobId(), JobState.FAILED, lease.checkpointEpoch(), null,
                            Map.of(), error);
                } else {
                    leases.requeue(lease.project(), lease.jobId());
                    jobs.appendProgress(lease.project(), lease.jobId(), JobState.QUEUED, lease.checkpointEpoch(), null,
                            Map.of(), "re-queued: " + silent + "; it resumes after epoch " + lease.checkpointEpoch());
                    events.queued(lease.project(), lease.jobId());
                }
                LOG.warnf("job %s: %s", lease.jobId(), silent);
            }
            return null;
        });
    }

    /** Announces again the QUEUED jobs whose announcement went unanswered too long. */
    void sweep() {
        run(() -> {
            for (JobRef job : leases.reannounce(config.worker().announceSilence(), BATCH)) {
                events.queued(job.project(), job.id());
                LOG.infof("job %s waited in the queue longer than %s: announced again", job.id(),
                        config.worker().announceSilence());
            }
            return null;
        });
    }
}
