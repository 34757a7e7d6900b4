package dev.aiaas.monitoring.service;

import static dev.aiaas.monitoring.service.VersionScoreTest.classes;
import static dev.aiaas.monitoring.service.VersionScoreTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.GroundTruthVerdict;
import dev.aiaas.monitoring.model.GroundTruthVerdict.Refusal;
import dev.aiaas.monitoring.model.PredictionAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What ground truth is refused for, alone and against its answer, and the reason given. */
class GroundTruthRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration HORIZON = Duration.ofDays(7);

    @Test
    void readableGroundTruthPasses() {
        assertThat(readable(new GroundTruth("iris", "r-1", List.of("setosa"), new double[0], NOW.minusSeconds(60))))
                .isEmpty();
        assertThat(readable(new GroundTruth("load", "r-2", List.of(), new double[] {1.5, -2}, null))).isEmpty();
    }

    @Test
    void groundTruthThatCannotBeReadIsMalformedSayingWhy() {
        assertRefused(readable(truth("", "r", List.of("a"))), Refusal.MALFORMED, "no endpoint");
        assertRefused(readable(truth("iris", "", List.of("a"))), Refusal.MALFORMED, "no request id");
        assertRefused(readable(truth("Not A Name!", "r", List.of("a"))), Refusal.MALFORMED, "name rule");
        assertRefused(readable(truth("iris", "r".repeat(257), List.of("a"))), Refusal.MALFORMED, "257 characters");
        assertRefused(readable(new GroundTruth("iris", "r", List.of("a"), new double[] {1}, null)), Refusal.MALFORMED,
                "both labels and values");
        assertRefused(readable(truth("iris", "r", List.of())), Refusal.MALFORMED, "neither labels nor values");
        assertRefused(readable(truth("iris", "r", List.of("a", ""))), Refusal.MALFORMED, "row 1");
        assertRefused(readable(new GroundTruth("iris", "r", List.of(), new double[] {Double.NaN}, null)),
                Refusal.MALFORMED, "finite");
        assertRefused(GroundTruthRules.readable(truth("iris", "r", List.of("a", "b", "c")), 2, NOW, HORIZON),
                Refusal.MALFORMED, "at most 2");
    }

    @Test
    void groundTruthObservedBeforeTheHorizonHasExpired() {
        GroundTruth old = new GroundTruth("iris", "r", List.of("a"), new double[0], NOW.minus(Duration.ofDays(8)));

        assertRefused(readable(old), Refusal.EXPIRED, "older than the horizon");
    }

    @Test
    void groundTruthMustHaveTheKindAndRowsOfItsAnswer() {
        PredictionAnswer classifier = at(classes(List.of("a", "b", "c")), NOW);
        PredictionAnswer regression = at(values(2, 3, 1, 2, 3, 4, 5, 6), NOW);

        assertThat(judges(truth("iris", "r", List.of("a", "a", "c")), classifier)).isEmpty();
        assertRefused(judges(truth("iris", "r", List.of("a", "b")), classifier), Refusal.MISMATCH,
                "2 labels, but the request had 3 rows");
        assertRefused(judges(new GroundTruth("iris", "r", List.of(), new double[] {1, 2, 3}, null), classifier),
                Refusal.MISMATCH, "predicts labels");
        assertRefused(judges(truth("iris", "r", List.of("a", "b")), regression), Refusal.MISMATCH, "predicts values");
        assertThat(judges(new GroundTruth("iris", "r", List.of(), new double[6], null), regression)).isEmpty();
        assertRefused(judges(new GroundTruth("iris", "r", List.of(), new double[2], null), regression),
                Refusal.MISMATCH, "2 rows of 3 values each");
    }

    @Test
    void anAnswerOlderThanTheHorizonIsPastJudging() {
        PredictionAnswer old = at(classes(List.of("a")), NOW.minus(Duration.ofDays(7)).minusSeconds(1));

        assertRefused(judges(truth("iris", "r", List.of("a")), old), Refusal.EXPIRED, "older than the horizon");
    }

    private static Optional<GroundTruthVerdict> readable(GroundTruth truth) {
        return GroundTruthRules.readable(truth, 1000, NOW, HORIZON);
    }

    private static Optional<GroundTruthVerdict> judges(GroundTruth truth, PredictionAnswer answer) {
        return GroundTruthRules.judges(truth, answer, NOW, HORIZON);
    }

    private static GroundTruth truth(String endpoint, String requestId, List<String> labels) {
        return new GroundTruth(endpoint, requestId, labels, new double[0], null);
    }

    private static PredictionAnswer at(PredictionAnswer answer, Instant received) {
        return new PredictionAnswer(answer.requestId(), received, answer.modelName(), answer.modelVersion(),
                answer.role(), answer.kind(), answer.rows(), answer.labels(), answer.values(), answer.width());
    }

    private static void assertRefused(Optional<GroundTruthVerdict> verdict, Refusal refusal, String reason) {
        assertThat(verdict).as("a refusal saying '%s'", reason).isPresent();
        assertThat(verdict.get().refusal()).isEqualTo(refusal);
        assertThat(verdict.get().reason()).contains(reason);
    }
}
