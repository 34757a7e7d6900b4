package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.table.NumericColumn;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    /** 0, 1, … 100: its percentiles are 0 … 100, so its baseline CDF is exactly x / 100 on [0, 100]. */
    private static final NumericFeatureProfile ZERO_TO_HUNDRED =
            NumericFeatureProfile.of(NumericColumn.of("x", IntStream.rangeClosed(0, 100).asDoubleStream().toArray()));

    @Test
    void theStatisticIsTheLargestGapBetweenTheCdfs() {
        // the sample's ECDF reaches 1 at 50, where the baseline's is 0.5: D = 0.5.
        // n_e = 101·5/106, λ = (√n_e + 0.12 + 0.11/√n_e)·0.5 = 1.176545, Q_KS(λ) = scipy.special.kolmogorov(λ)
        DriftStatistic test = KolmogorovSmirnov.test(ZERO_TO_HUNDRED, new double[] {10, 20, Double.NaN, 30, 40, 50}, 0.05);

        assertThat(test.method()).isEqualTo(DriftMethod.KS);
        assertThat(test.statistic()).isCloseTo(0.5, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.12547908863265042, within(1e-9));
        assertThat(test.threshold()).isEqualTo(0.05);
        assertThat(test.drifted()).isFalse();
    }

    @Test
    void theKolmogorovSurvivalFunctionMatchesReferenceValuesOnBothSeries() {
        // scipy.special.kolmogorov(λ)
        assertThat(KolmogorovSmirnov.survival(0.3)).isCloseTo(0.9999906941986655, within(1e-12));
        assertThat(KolmogorovSmirnov.survival(0.5)).isCloseTo(0.9639452436648751, within(1e-12));
        assertThat(KolmogorovSmirnov.survival(1.0)).isCloseTo(0.26999967167735456, within(1e-12));
        assertThat(KolmogorovSmirnov.survival(1.36)).isCloseTo(0.049485876755377876, within(1e-12));
        assertThat(KolmogorovSmirnov.survival(2.0)).isCloseTo(0.0006709252557796953, within(1e-12));
        assertThat(KolmogorovSmirnov.survival(0)).isEqualTo(1);
    }

    @Test
    void againstAProfileTheStatisticIsWithinAPercentileOfTheTwoSampleOneOnTheRawRows() {
        double[] baseline = IntStream.range(0, 5000).mapToDouble(i -> (i % 997) * 0.37 + i / 1000.0).toArray();
        double[] sample = IntStream.range(0, 300).mapToDouble(j -> ((j * 7919) % 997) * 0.37 + 20).toArray();

        DriftStatistic test = KolmogorovSmirnov.test(NumericFeatureProfile.of(NumericColumn.of("x", baseline)),
                sample, 0.05);

        // scipy.stats.ks_2samp(baseline, sample, method='asymp'): D = 0.0712667, p = 0.1075
        assertThat(test.statistic()).isCloseTo(0.0712667, within(0.01));
        assertThat(test.pValue()).isBetween(0.05, 0.25);
        assertThat(test.drifted()).isFalse();
    }

    @Test
    void aSampleFromTheBaselineDoesNotDriftAndAShiftedOneDoes() {
        NumericFeatureProfile baseline = NumericFeatureProfile.of(NumericColumn.of("x", normal(10_000, 1, 0)));

        DriftStatistic same = KolmogorovSmirnov.test(baseline, normal(500, 2, 0), 0.05);
        DriftStatistic shifted = KolmogorovSmirnov.test(baseline, normal(500, 3, 0.5), 0.05);

        assertThat(same.statistic()).isLessThan(0.06);
        assertThat(same.pValue()).isGreaterThan(0.05);
        assertThat(same.drifted()).isFalse();
        // Φ(0.25) − Φ(−0.25) = 0.197: the largest gap between N(0, 1) and N(0.5, 1)
        assertThat(shifted.statistic()).isCloseTo(0.197, within(0.05));
        assertThat(shifted.pValue()).isLessThan(1e-6);
        assertThat(shifted.drifted()).isTrue();
    }

    @Test
    void repeatedValuesInTrainingAreJumpsOfTheBaselineCdf() {
        // half the training rows are 1, half are 2: a sample in the same proportions has nothing to find
        double[] training = IntStream.range(0, 1000).mapToDouble(i -> i < 500 ? 1 : 2).toArray();
        NumericFeatureProfile baseline = NumericFeatureProfile.of(NumericColumn.of("x", training));

        DriftStatistic same = KolmogorovSmirnov.test(baseline, new double[] {1, 2, 1, 2, 2, 1}, 0.05);

        assertThat(same.statistic()).isLessThan(0.011);
    }

    @Test
    void aSampleWithoutValuesIsRefused() {
        assertThatThrownBy(() -> KolmogorovSmirnov.test(ZERO_TO_HUNDRED, new double[] {Double.NaN}, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no values");
    }

    static double[] normal(int n, long seed, double shift) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() + shift;
        }
        return values;
    }
}
