package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.GroundTruthVerdict;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.storage.AnswerStore;
import dev.aiaas.monitoring.storage.GroundTruthStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records ground truth of an endpoint's requests, from the RPC or the feedback topic alike. Each
 * ground truth is checked on its own ({@link GroundTruthRules}) and, when its request's answer is
 * kept already, against the answer; one whose answer has not been logged yet is stored as it is
 * and joined when a report reads it. The first ground truth of a request stays: the same truth
 * again is accepted and changes nothing (a retried call, a redelivered record), another one is
 * refused as a duplicate.
 */
@ApplicationScoped
public class GroundTruthIntake {

    @Inject
    AnswerStore answers;

    @Inject
    GroundTruthStore truths;

    @Inject
    MonitoringConfig config;

    @Inject
    MeterRegistry meters;

    /** Where ground truth came from, for the counter of outcomes. */
    public enum Source { RPC, TOPIC }

    /**
     * Records a batch for endpoints of {@code project}, each ground truth on its own.
     *
     * @return a verdict per ground truth, in order
     * @throws DomainException INVALID_ARGUMENT for an empty batch or one over
     *                         {@code monitoring.ground-truth.max-batch}
     */
    public List<GroundTruthVerdict> recordAll(String project, List<GroundTruth> batch) {
        int most = config.groundTruth().maxBatch();
        if (batch.isEmpty() || batch.size() > most) {
            throw DomainException.invalid("a ground truth batch holds 1 to " + most + " items, not " + batch.size()
                    + ": send larger ones in several calls");
        }
        return batch.stream().map(truth -> record(project, truth, Source.RPC)).toList();
    }

    /** Records the ground truth of a request to an endpoint of {@code project}. */
    public GroundTruthVerdict record(String project, GroundTruth truth, Source source) {
        GroundTruthVerdict verdict = check(project, truth);
        meters.counter("aiaas_monitoring_ground_truth_total", "source", source.name().toLowerCase(),
                "outcome", verdict.isAccepted() ? "accepted" : verdict.refusal().name().toLowerCase()).increment();
        return verdict;
    }

    private GroundTruthVerdict check(String project, GroundTruth truth) {
        Instant now = Instant.now();
        MonitoringConfig.GroundTruth rules = config.groundTruth();
        Duration horizon = rules.horizon();
        Optional<GroundTruthVerdict> unreadable = GroundTruthRules.readable(truth, rules.maxValues(), now, horizon);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        Optional<PredictionAnswer> answer = run(() -> answers.find(project, truth.endpoint(), truth.requestId()));
        Optional<GroundTruthVerdict> unfit = answer.flatMap(a -> GroundTruthRules.judges(truth, a, now, horizon));
        if (unfit.isPresent()) {
            return unfit.get();
        }
        Instant observed = truth.observedAt() == null ? now : truth.observedAt();
        if (run(() -> truths.insert(project, truth, observed))) {
            return GroundTruthVerdict.accepted();
        }
        return run(() -> truths.find(project, truth.endpoint(), truth.requestId()))
                .filter(first -> !first.sameTruthAs(truth))
                .map(first -> GroundTruthVerdict.refused(GroundTruthVerdict.Refusal.DUPLICATE,
                        "request " + truth.requestId() + " of endpoint " + truth.endpoint() + " has ground truth "
                                + "already, recorded as observed at " + first.observedAt()
                                + "; the first stays (a duplicate is refused)"))
                .orElse(GroundTruthVerdict.accepted());
    }
}
