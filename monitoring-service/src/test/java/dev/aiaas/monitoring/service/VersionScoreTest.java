package dev.aiaas.monitoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import dev.aiaas.ml.metrics.RegressionMetrics;
import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.LabelledAnswer;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.monitoring.model.VersionKey;
import dev.aiaas.monitoring.model.VersionQuality;
import dev.aiaas.monitoring.model.VersionQuality.LabelCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version's figures, checked by hand and against platform/ml's metrics over the same rows. */
class VersionScoreTest {

    /** 10 rows, 7 right: a a a (a→b) b b (b→a) c c (c→b). */
    static final List<String> TRUE = List.of("a", "a", "a", "a", "b", "b", "b", "c", "c", "c");
    static final List<String> PREDICTED = List.of("a", "a", "a", "b", "b", "b", "a", "c", "c", "b");

    @Test
    void accuracyAndMacroF1OfTenRowsSevenRight() {
        VersionScore score = new VersionScore(new VersionKey("iris", 1, ServedRole.CHAMPION), AnswerKind.CLASSIFICATION);
        score.add(classified(TRUE.subList(0, 4), PREDICTED.subList(0, 4)));
        score.add(classified(TRUE.subList(4, 10), PREDICTED.subList(4, 10)));

        VersionQuality quality = score.figures();

        assertThat(quality.requests()).isEqualTo(2);
        assertThat(quality.rows()).isEqualTo(10);
        assertThat(quality.accuracy()).isEqualTo(0.7);
        // F1 per label: a 2·3/(4+4) = 0.75, b 2·2/(3+4) = 4/7, c 2·2/(3+2) = 0.8
        assertThat(quality.macroF1()).isCloseTo((0.75 + 4.0 / 7 + 0.8) / 3, within(1e-12));
        assertThat(quality.labels()).containsExactly(new LabelCount("a", 4), new LabelCount("b", 3),
                new LabelCount("c", 3));
        assertThat(quality.predictions()).containsExactly(new LabelCount("a", 4), new LabelCount("b", 4),
                new LabelCount("c", 2));
        assertThat(quality.mse()).isZero();
    }

    @Test
    void macroF1IsPlatformMlsOverTheLabelsSeenTrueOrPredicted() {
        List<String> actual = List.of("x", "x", "y", "y", "y", "z", "x", "y");
        List<String> predicted = List.of("x", "y", "y", "w", "y", "x", "x", "z");
        VersionScore score = new VersionScore(new VersionKey("m", 3, ServedRole.CHAMPION), AnswerKind.CLASSIFICATION);
        score.add(classified(actual, predicted));
        List<String> seen = List.of("w", "x", "y", "z");

        ClassificationMetrics expected = ClassificationMetrics.compute(
                actual.stream().mapToInt(seen::indexOf).toArray(), predicted.stream().mapToInt(seen::indexOf).toArray(),
                seen.size());

        assertThat(score.figures().accuracy()).isCloseTo(expected.accuracy(), within(1e-12));
        assertThat(score.figures().macroF1()).isCloseTo(expected.f1Macro(), within(1e-12));
    }

    @Test
    void mseAndMaeOverEveryValueOfEveryRow() {
        VersionScore score = new VersionScore(new VersionKey("load", 2, ServedRole.CHAMPION), AnswerKind.VALUES);
        // 2 rows of width 2: errors 0.5, 0, -1, 0
        score.add(new LabelledAnswer(values(2, 2, 1.0f, 2.0f, 3.0f, 4.0f),
                truth(List.of(), new double[] {0.5, 2.0, 4.0, 4.0})));

        VersionQuality quality = score.figures();
        RegressionMetrics expected = RegressionMetrics.compute(new double[] {0.5, 2.0, 4.0, 4.0},
                new double[] {1.0, 2.0, 3.0, 4.0});

        assertThat(quality.rows()).isEqualTo(2);
        assertThat(quality.mse()).isCloseTo(0.3125, within(1e-12)).isCloseTo(expected.mse(), within(1e-12));
        assertThat(quality.mae()).isCloseTo(0.375, within(1e-12)).isCloseTo(expected.mae(), within(1e-12));
        assertThat(quality.trueValues()).isEqualTo(new VersionQuality.ValueMean(4, 2.625));
        assertThat(quality.predictedValues()).isEqualTo(new VersionQuality.ValueMean(4, 2.5));
        assertThat(quality.accuracy()).isZero();
        assertThat(quality.labels()).isEmpty();
    }

    @Test
    void truthThatDoesNotFitItsAnswerIsCountedApartAndJudgesNothing() {
        VersionScore score = new VersionScore(new VersionKey("iris", 1, ServedRole.CHAMPION), AnswerKind.CLASSIFICATION);
        score.add(classified(List.of("a", "b"), List.of("a", "b")));
        score.add(new LabelledAnswer(classes(List.of("a", "b", "c")), truth(List.of("a", "b"), new double[0])));
        score.add(new LabelledAnswer(classes(List.of("a")), truth(List.of(), new double[] {1.0})));

        VersionQuality quality = score.figures();

        assertThat(quality.requests()).isEqualTo(1);
        assertThat(quality.mismatched()).isEqualTo(2);
        assertThat(quality.accuracy()).isEqualTo(1.0);
    }

    @Test
    void labelsBeyondTheLimitAreCountedUnderOther() {
        VersionScore score = new VersionScore(new VersionKey("many", 1, ServedRole.CHAMPION), AnswerKind.CLASSIFICATION);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < VersionScore.MAX_LABELS + 5; i++) {
            labels.add("label-" + i);
        }
        score.add(classified(labels, labels));

        VersionQuality quality = score.figures();

        assertThat(quality.labels()).hasSize(VersionScore.MAX_LABELS + 1);
        assertThat(quality.labels().get(0)).isEqualTo(new LabelCount(VersionScore.OTHER, 5));
        assertThat(quality.accuracy()).isEqualTo(1.0);
        assertThat(quality.macroF1()).isEqualTo(1.0);
    }

    private static LabelledAnswer classified(List<String> actual, List<String> predicted) {
        return new LabelledAnswer(classes(predicted), truth(actual, new double[0]));
    }

    static PredictionAnswer classes(List<String> predicted) {
        return new PredictionAnswer("r", Instant.now(), "iris", 1, ServedRole.CHAMPION, AnswerKind.CLASSIFICATION, predicted.size(),
                predicted, new float[0], 0);
    }

    static PredictionAnswer values(int rows, int width, float... values) {
        return new PredictionAnswer("r", Instant.now(), "load", 2, ServedRole.CHAMPION, AnswerKind.VALUES, rows, List.of(), values, width);
    }

    static GroundTruth truth(List<String> labels, double[] values) {
        return new GroundTruth("e", "r", labels, values, null);
    }
}
