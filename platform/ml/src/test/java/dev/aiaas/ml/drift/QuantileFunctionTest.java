package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.table.NumericColumn;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuantileFunctionTest {

    @Test
    void aValueManyTrainingRowsHoldIsAJumpOfTheCdf() {
        // 30 % ones, 70 % twos: P(X < 1) = 0, P(X ≤ 1) ≈ 0.3 (the percentiles switch between 29 % and 30 %)
        double[] training = IntStream.range(0, 1000).mapToDouble(i -> i < 300 ? 1 : 2).toArray();
        QuantileFunction q = QuantileFunction.of(NumericFeatureProfile.of(NumericColumn.of("x", training)));

        assertThat(q.cdfBelow(1)).isZero();
        assertThat(q.cdf(1)).isCloseTo(0.3, within(0.015));
        assertThat(q.cdfBelow(2)).isCloseTo(0.3, within(0.015));
        assertThat(q.cdf(2)).isEqualTo(1);
        assertThat(q.quantile(0.5)).isEqualTo(2);
    }

    @Test
    void aProfileWrittenBeforePercentilesFallsBackOnItsQuantilesAndDeciles() {
        NumericFeatureProfile full = NumericFeatureProfile.of(NumericColumn.of("x",
                IntStream.rangeClosed(0, 100).asDoubleStream().toArray()));
        NumericFeatureProfile old = new NumericFeatureProfile(full.name(), full.count(), full.missing(), full.mean(),
                full.std(), full.min(), full.max(), full.quantileLevels(), full.quantiles(), full.binEdges(),
                full.binFractions());
        QuantileFunction q = QuantileFunction.of(old);

        // knots at 0, 1 %, 5 %, 10 %, 20 %, 25 %, … 99 %, 100 %: on 0 … 100 every one lies on the line 100 p
        assertThat(q.knotLevels()).contains(0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0);
        assertThat(q.cdf(37)).isCloseTo(0.37, within(1e-9));
        assertThat(q.quantile(0.62)).isCloseTo(62, within(1e-9));
    }
}
