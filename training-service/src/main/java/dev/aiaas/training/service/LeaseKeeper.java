package dev.aiaas.training.service;

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

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Inject
    JobLifecycle lifecycle;

    void hold(String jobId) {
        held.add(jobId);
    }

    void release(String jobId) {
        held.remove(jobId);
    }

    @Scheduled(every = "${training.worker.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        for (String jobId : held) {
            try {
                if (!lifecycle.renewLease(jobId)) {
                    held.remove(jobId);
                    LOG.infof("job %s is no longer held by this worker (cancelled or re-queued)", jobId);
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not renew the lease of job %s (will retry): %s", jobId, e.getMessage());
            }
        }
    }
}
