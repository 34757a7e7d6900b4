package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.table.NumericColumn;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JensenShannonTest {

    private static final CategoricalFeatureProfile HALVES = new CategoricalFeatureProfile("c", 2, 0,
            Map.of("a", 0.5, "b", 0.5));

    @Test
    void theDistanceOfHalvesFromAllInOneBucket() {
        // P = (½, ½), Q = (1, 0), M = (¾, ¼): ½·KL(P‖M) + ½·KL(Q‖M) = ½·0.1438410 + ½·0.2876821 = 0.2157616,
        // √ = 0.4645014 (scipy.spatial.distance.jensenshannon([.5, .5], [1, 0]))
        DriftStatistic test = JensenShannon.categorical(HALVES, ChiSquareTest.sample(10, 0, 0, 0), 0.1);

        assertThat(test.method()).isEqualTo(DriftMethod.JENSEN_SHANNON);
        assertThat(test.statistic()).isCloseTo(0.464501404022459, within(1e-12));
        assertThat(test.pValue()).isNaN();
        assertThat(test.drifted()).isTrue();
    }

    @Test
    void equalSharesAreZeroApartAndDisjointOnesTheMostThatIsPossible() {
        assertThat(JensenShannon.categorical(HALVES, ChiSquareTest.sample(7, 7, 0, 0), 0.1).statistic())
                .isCloseTo(0, within(1e-12));
        // only values training never saw: disjoint, √ln 2
        assertThat(JensenShannon.categorical(HALVES, ChiSquareTest.sample(0, 0, 3, 2), 0.1).statistic())
                .isCloseTo(Math.sqrt(Math.log(2)), within(1e-12));
    }

    @Test
    void aNumericSampleIsComparedOverTheDecileBins() {
        NumericFeatureProfile baseline = NumericFeatureProfile.of(NumericColumn.of("x",
                IntStream.rangeClosed(1, 100).asDoubleStream().toArray()));

        // every value in the lowest bin: P = (0.1 × 10), Q = (1, 0 …): KL(P‖M) = 0.1 ln(0.1/0.55) + 0.9 ln 2,
        // KL(Q‖M) = ln(1/0.55)
        double expected = Math.sqrt(0.5 * (0.1 * Math.log(0.1 / 0.55) + 0.9 * Math.log(2)) + 0.5 * Math.log(1 / 0.55));
        DriftStatistic lowest = JensenShannon.numeric(baseline, new double[] {1, 2, 3}, 0.1);

        assertThat(lowest.statistic()).isCloseTo(expected, within(1e-12));
        assertThat(JensenShannon.numeric(baseline, IntStream.rangeClosed(1, 100).asDoubleStream().toArray(), 0.1)
                .statistic()).isCloseTo(0, within(1e-9));
    }
}
