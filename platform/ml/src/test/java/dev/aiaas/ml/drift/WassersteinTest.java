package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.table.NumericColumn;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WassersteinTest {

    private static final NumericFeatureProfile ZERO_TO_HUNDRED =
            NumericFeatureProfile.of(NumericColumn.of("x", IntStream.rangeClosed(0, 100).asDoubleStream().toArray()));

    @Test
    void theDistanceIsTheAreaBetweenTheQuantileFunctionsInBaselineStandardDeviations() {
        // Q_baseline(p) = 100 p, Q_sample(p) = 50: W1 = ∫₀¹ |100 p − 50| dp = 25;
        // the population std of 0 … 100 is √((101² − 1) / 12) = √850
        DriftStatistic test = Wasserstein.test(ZERO_TO_HUNDRED, new double[] {50, Double.NaN, 50}, 0.1);

        assertThat(test.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(test.statistic()).isCloseTo(25 / Math.sqrt(850), within(1e-12));
        assertThat(test.pValue()).isNaN();
        assertThat(test.drifted()).isTrue();
    }

    @Test
    void aWholeShiftMovesEveryQuantileByItsSize() {
        // the sample 10 … 110 against 0 … 100: on ((i−1)/101, i/101] the sample's quantile is 9 + i, always
        // above 100 p, so W1 = Σ ∫ (9 + i − 100 p) dp = (9 + 51) − 50 = 10 exactly
        double[] shifted = IntStream.rangeClosed(10, 110).asDoubleStream().toArray();

        double distance = Wasserstein.distance(QuantileFunction.of(ZERO_TO_HUNDRED), shifted);

        assertThat(distance).isCloseTo(10, within(1e-9));
    }

    @Test
    void againstAProfileTheDistanceIsCloseToTheTwoSampleOneOnTheRawRows() {
        double[] baseline = IntStream.range(0, 5000).mapToDouble(i -> (i % 997) * 0.37 + i / 1000.0).toArray();
        double[] sample = IntStream.range(0, 300).mapToDouble(j -> ((j * 7919) % 997) * 0.37 + 20).toArray();

        DriftStatistic test = Wasserstein.test(NumericFeatureProfile.of(NumericColumn.of("x", baseline)), sample, 0.1);

        // scipy.stats.wasserstein_distance(baseline, sample) / numpy.std(baseline) = 21.744277 / 107.075474
        assertThat(test.statistic()).isCloseTo(0.2030743, within(0.005));
        assertThat(test.drifted()).isTrue();
    }

    @Test
    void aSampleLikeTheBaselineIsWellUnderTheDefaultThreshold() {
        NumericFeatureProfile baseline = NumericFeatureProfile.of(NumericColumn.of("x",
                KolmogorovSmirnovTest.normal(10_000, 1, 0)));

        DriftStatistic same = Wasserstein.test(baseline, KolmogorovSmirnovTest.normal(2_000, 2, 0), 0.1);
        DriftStatistic shifted = Wasserstein.test(baseline, KolmogorovSmirnovTest.normal(2_000, 3, 0.3), 0.1);

        assertThat(same.statistic()).isLessThan(0.05);
        assertThat(same.drifted()).isFalse();
        assertThat(shifted.statistic()).isCloseTo(0.3, within(0.05));
        assertThat(shifted.drifted()).isTrue();
    }

    @Test
    void aConstantBaselineIsZeroAwayFromItsValueAndInfinitelyFarFromAnyOther() {
        NumericFeatureProfile constant = NumericFeatureProfile.of(NumericColumn.of("x", 4, 4, 4));

        assertThat(Wasserstein.test(constant, new double[] {4, 4}, 0.1).statistic()).isZero();
        assertThat(Wasserstein.test(constant, new double[] {4, 5}, 0.1).statistic()).isInfinite();
    }
}
