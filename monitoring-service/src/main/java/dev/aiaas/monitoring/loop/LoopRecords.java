package dev.aiaas.monitoring.loop;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.monitoring.model.Decision;
import dev.aiaas.monitoring.model.DecisionAction;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.storage.DecisionStore;
import dev.aiaas.monitoring.storage.RetrainingRunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Stores a run's new state and the decision that moved it, together. */
@ApplicationScoped
public class LoopRecords {

    private static final Logger LOG = Logger.getLogger(LoopRecords.class);

    @Inject
    RetrainingRunStore runs;

    @Inject
    DecisionStore decisions;

    /** Records {@code action} on {@code run} (already in its new state) with its reason and figures. */
    @Transactional
    public Decision decide(RetrainingRun state, DecisionAction action, String reason, Map<String, Double> figures) {
        Decision decision = new Decision(UUID.randomUUID().toString(), state.project(), state.endpoint(), state.id(),
                action, reason, figures, state.modelName(), state.championVersion(), state.challengerVersion(),
                Instant.now());
        run(() -> {
            runs.save(state);
            decisions.insert(decision);
            return null;
        });
        LOG.infof("retraining %s/%s run %s: %s — %s", state.project(), state.endpoint(), state.id(), action, reason);
        return decision;
    }

    /** Stores a run's state with no decision (its challenger registered, say). */
    @Transactional
    public void save(RetrainingRun state) {
        run(() -> {
            runs.save(state);
            return null;
        });
    }
}
