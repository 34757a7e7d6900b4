package dev.aiaas.training.service;

import dev.aiaas.training.model.JobRef;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Renews the leases of the jobs this worker runs, every {@code training.worker.heartbeat-interval}.
 * A job whose lease cannot be renewed (cancelled, or re-queued after this worker was silent too
 * long) is dropped; the worker notices at its next look at the job and stops.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    private final Set<JobRef> held = ConcurrentHashMap.newKeySet();

    @Inject
    JobLifecycle lifecycle;

    void hold(JobRef job) {
        held.add(job);
    }

    void release(JobRef job) {
        held.remove(job);
    }

    @Scheduled(every = "${training.worker.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        for (JobRef job : held) {
            try {
                if (!lifecycle.renewLease(job.project(), job.id())) {
                    held.remove(job);
                    LOG.infof("job %s is no longer held by this worker (cancelled or re-queued)", job.id());
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not renew the lease of job %s (will retry): %s", job.id(), e.getMessage());
            }
        }
    }
}
