package dev.aiaas.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void metricsOfAThreeClassExampleComputedByHand() {
        // confusion (row = actual): [2 1 0 / 0 1 1 / 0 0 1]
        ClassificationMetrics metrics = ClassificationMetrics.compute(
                new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2}, 3);

        assertThat(metrics.confusionMatrix()).containsExactly(2, 1, 0, 0, 1, 1, 0, 0, 1);
        assertThat(metrics.count(0, 1)).isEqualTo(1);
        assertThat(metrics.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        // precision 1, 1/2, 1/2; recall 2/3, 1/2, 1; F1 0.8, 0.5, 2/3
        assertThat(metrics.precision()).containsExactly(new double[] {1, 0.5, 0.5}, within(1e-12));
        assertThat(metrics.recall()).containsExactly(new double[] {2 / 3.0, 0.5, 1}, within(1e-12));
        assertThat(metrics.f1()).containsExactly(new double[] {0.8, 0.5, 2 / 3.0}, within(1e-12));
        assertThat(metrics.precisionMacro()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(metrics.recallMacro()).isCloseTo(13 / 18.0, within(1e-12));
        assertThat(metrics.f1Macro()).isCloseTo((0.8 + 0.5 + 2 / 3.0) / 3, within(1e-12));
    }

    @Test
    void classesNeverPredictedOrNeverPresentScoreZeroAndStillCount() {
        ClassificationMetrics metrics = ClassificationMetrics.compute(new int[] {0, 0}, new int[] {0, 1}, 3);

        assertThat(metrics.precision()).containsExactly(1, 0, 0);
        assertThat(metrics.recall()).containsExactly(0.5, 0, 0);
        assertThat(metrics.f1()).containsExactly(new double[] {2 / 3.0, 0, 0}, within(1e-12));
        assertThat(metrics.precisionMacro()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(metrics.accuracy()).isEqualTo(0.5);
    }

    @Test
    void perfectPredictionsScoreOne() {
        ClassificationMetrics metrics = ClassificationMetrics.compute(new int[] {1, 0, 1}, new int[] {1, 0, 1}, 2);

        assertThat(metrics.accuracy()).isEqualTo(1);
        assertThat(metrics.f1Macro()).isEqualTo(1);
    }

    @Test
    void mismatchedLengthsOrAClassOutOfRangeAreRefused() {
        assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0}, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 actual and 2 predicted");
        assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 3}, new int[] {0, 1}, 2))
                .hasMessage("actual class of row 1 is 3, outside [0, 2)");
    }
}
