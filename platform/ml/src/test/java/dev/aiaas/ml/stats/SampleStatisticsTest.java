package dev.aiaas.ml.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleStatisticsTest {

    @Test
    void quantilesInterpolateLinearlyAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4};

        // numpy.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 2.5, 3.7, 4]
        assertThat(SampleStatistics.quantile(sorted, 0)).isEqualTo(1);
        assertThat(SampleStatistics.quantile(sorted, 0.25)).isEqualTo(1.75);
        assertThat(SampleStatistics.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(SampleStatistics.quantile(sorted, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(SampleStatistics.quantile(sorted, 1)).isEqualTo(4);
    }

    @Test
    void medianOfUnsortedValues() {
        assertThat(SampleStatistics.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(SampleStatistics.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void populationStdDividesByN() {
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};

        assertThat(SampleStatistics.mean(values)).isEqualTo(5);
        assertThat(SampleStatistics.populationStd(values, 5)).isEqualTo(2);
    }

    @Test
    void presentDropsNaN() {
        assertThat(SampleStatistics.present(new double[] {1, Double.NaN, 3})).containsExactly(1, 3);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> SampleStatistics.mean(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
