package dev.aiaas.monitoring.loop;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.storage.LoopLock;
import dev.aiaas.monitoring.storage.RetrainingPolicyStore;
import dev.aiaas.monitoring.storage.RetrainingRunStore;
import dev.aiaas.security.quarkus.ProjectScope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The retraining loop: every {@code monitoring.loop.interval}, one replica (a database lock)
 * looks at each enabled policy, in its project: a run under way is moved on when its stage is
 * decided ({@link RunAdvancer}), and with none under way a fired trigger starts one
 * ({@link RunStarter}). A service that is away leaves the policy as it was until the next pass;
 * one policy's trouble never stops another's.
 */
@ApplicationScoped
public class RetrainingLoop {

    private static final Logger LOG = Logger.getLogger(RetrainingLoop.class);

    @Inject
    MonitoringConfig config;

    @Inject
    LoopLock lock;

    @Inject
    RetrainingPolicyStore policies;

    @Inject
    RetrainingRunStore runs;

    @Inject
    RunStarter starter;

    @Inject
    RunAdvancer advancer;

    @Scheduled(every = "${monitoring.loop.interval:PT10S}", delayed = "${monitoring.loop.interval:PT10S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.loop().enabled()) {
            pass();
        }
    }

    /** One pass over every enabled policy; false when another replica is making one. */
    public boolean pass() {
        return run(() -> lock.whileHeld(() -> run(() -> policies.enabled()).forEach(held -> ProjectScope.run(
                held.project(), () -> look(held.project(), held.policy())))));
    }

    private void look(String project, dev.aiaas.monitoring.model.RetrainingPolicy policy) {
        try {
            Optional<RetrainingRun> latest = run(() -> runs.latest(project, policy.endpoint()));
            if (latest.isPresent() && !latest.get().stage().ended()) {
                advancer.advance(policy, latest.get());
            } else {
                starter.startIfTriggered(project, policy, latest.orElse(null));
            }
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                LOG.warnf("retraining %s/%s waits for the next pass: %s", project, policy.endpoint(), e.getMessage());
            } else if (e.kind() == ErrorKind.NOT_FOUND) {
                LOG.debugf("retraining %s/%s has nothing to act on: %s", project, policy.endpoint(), e.getMessage());
            } else {
                LOG.errorf(e, "retraining %s/%s: this pass failed", project, policy.endpoint());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "retraining %s/%s: this pass failed", project, policy.endpoint());
        }
    }
}
