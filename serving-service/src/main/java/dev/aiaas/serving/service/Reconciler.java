package dev.aiaas.serving.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps this replica equal to the desired state of every project: the first pass right after
 * start loads every declared endpoint (readiness waits for it), each resolved in its own
 * project's registry (the work starts on no call, so the registry client names the endpoint's
 * project itself); later passes, every
 * {@code serving.reconcile-interval}, pick up deployments made on other replicas, re-resolve
 * aliases a missed event would leave stale, and retry failed loads. Registry events trigger
 * the affected endpoints at once, through {@link Deployments#aliasChanged}.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    @Inject
    Deployments deployments;

    @Inject
    ServerState server;

    @Scheduled(identity = "serving-reconcile", every = "${serving.reconcile-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pass() {
        try {
            deployments.reconcile();
        } catch (RuntimeException e) {
            LOG.warnf("reconcile failed, retrying in the next pass: %s", e.getMessage());
        } finally {
            server.publish();
        }
    }
}
