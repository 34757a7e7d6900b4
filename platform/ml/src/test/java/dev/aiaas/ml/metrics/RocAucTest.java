package dev.aiaas.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void aPerfectRankingIsOneAReversedOneZeroAndTiesCountOneHalf() {
        boolean[] positive = {false, false, true, true};

        assertThat(RocAuc.compute(positive, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(1.0);
        assertThat(RocAuc.compute(positive, new double[] {0.9, 0.8, 0.2, 0.1})).isEqualTo(0.0);
        assertThat(RocAuc.compute(positive, new double[] {0.5, 0.5, 0.5, 0.5})).isEqualTo(0.5);
    }

    @Test
    void theScikitLearnExample() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertThat(RocAuc.compute(new boolean[] {false, false, true, true}, new double[] {0.1, 0.4, 0.35, 0.8}))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void rowsOfOneClassOrNaNScoresHaveNoArea() {
        assertThatThrownBy(() -> RocAuc.compute(new boolean[] {true, true}, new double[] {0.1, 0.2}))
                .hasMessageContaining("both classes");
        assertThatThrownBy(() -> RocAuc.compute(new boolean[] {true, false}, new double[] {Double.NaN, 0.2}))
                .hasMessageContaining("NaN");
    }
}
