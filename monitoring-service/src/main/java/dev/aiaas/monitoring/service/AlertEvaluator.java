package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.Alert;
import dev.aiaas.monitoring.model.AlertReading;
import dev.aiaas.monitoring.storage.AlertRuleStore;
import dev.aiaas.monitoring.storage.AlertRuleStore.EndpointRule;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Evaluates every endpoint's alert rules every {@code monitoring.alerts.interval} and announces
 * each alert that fires or resolves as a CDI {@link Alert} event, once it is stored: the topic,
 * the watchers and the webhook each observe it.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    @Inject
    AlertRuleStore rules;

    @Inject
    AlertConditions conditions;

    @Inject
    AlertBook book;

    @Inject
    Event<Alert> changes;

    @Inject
    MonitoringConfig config;

    @Scheduled(every = "${monitoring.alerts.interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            evaluate(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("evaluating the alert rules failed (they are evaluated again in %s): %s",
                    config.alerts().interval(), e.getMessage());
        }
    }

    /** Evaluates every rule once at {@code now}; how many alerts fired or resolved. */
    public int evaluate(Instant now) {
        List<EndpointRule> all = run(() -> rules.all());
        int changed = 0;
        for (EndpointRule rule : all) {
            try {
                Optional<AlertReading> reading = conditions.read(rule.project(), rule.endpoint(), rule.rule(), now);
                if (reading.isEmpty()) {
                    continue;
                }
                Optional<Alert> alert = book.apply(rule.project(), rule.endpoint(), rule.rule(), reading.get(), now);
                if (alert.isPresent()) {
                    LOG.infof("alert %s: %s (%s)", alert.get().state(), alert.get().summary(), alert.get().description());
                    changes.fire(alert.get());
                    changed++;
                }
            } catch (Exception e) { // one rule's failure must not stop the others'
                LOG.warnf("evaluating alert rule '%s' of endpoint '%s' (project %s) failed: %s", rule.rule().name(),
                        rule.endpoint(), rule.project(), e.getMessage());
            }
        }
        return changed;
    }
}
