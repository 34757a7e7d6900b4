package dev.aiaas.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChiSquareTest {

    private static final CategoricalFeatureProfile ABC =
            new CategoricalFeatureProfile("c", 100, 0, Map.of("a", 0.5, "b", 0.3, "c", 0.2));

    @Test
    void theStatisticAndPValueAreThoseOfPearsonsTest() {
        // expected 50, 30, 20 for 40, 40, 20: χ² = 100/50 + 100/30 = 5.3333, 2 degrees of freedom,
        // p = e^(−χ²/2) = 0.0694835 (scipy.stats.chisquare([40, 40, 20], [50, 30, 20]))
        DriftStatistic test = ChiSquare.test(ABC, sample(40, 40, 20, 0), 0.05);

        assertThat(test.method()).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(test.statistic()).isCloseTo(16 / 3.0, within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.0694834512228015, within(1e-12));
        assertThat(test.drifted()).isFalse();
        assertThat(ChiSquare.test(ABC, sample(40, 40, 20, 0), 0.1).drifted()).isTrue();
    }

    @Test
    void theBaselinesOwnSharesDoNotDrift() {
        DriftStatistic test = ChiSquare.test(ABC, sample(50, 30, 20, 0), 0.05);

        assertThat(test.statistic()).isZero();
        assertThat(test.pValue()).isEqualTo(1);
    }

    @Test
    void aCategoryTrainingNeverSawCountsHeavily() {
        // one unseen value in 100: its bucket expects 100·1e-4 / 1.0001 values, so χ² ≈ 98 on 3 degrees of freedom
        DriftStatistic test = ChiSquare.test(ABC, sample(50, 30, 19, 1), 0.05);

        assertThat(test.statistic()).isGreaterThan(90);
        assertThat(test.pValue()).isLessThan(1e-15);
        assertThat(test.drifted()).isTrue();
    }

    @Test
    void valuesInTheOtherBucketAreExpectedInItsShare() {
        // "a" listed with 0.6, everything else 0.4 in training: 60 "a" and 40 of anything else fit exactly
        CategoricalFeatureProfile bounded = new CategoricalFeatureProfile("c", 10, 0, Map.of("a", 0.6), 0.4);

        DriftStatistic test = ChiSquare.test(bounded, sample(60, 20, 0, 20), 0.05);

        assertThat(test.statistic()).isCloseTo(0, within(1e-12));
        assertThat(test.drifted()).isFalse();
    }

    /** {@code a} "a"s, {@code b} "b"s, {@code c} "c"s, {@code z} "z"s (a category the baseline lacks) and a missing value. */
    static String[] sample(int a, int b, int c, int z) {
        return Stream.of(Collections.nCopies(a, "a"), Collections.nCopies(b, "b"), Collections.nCopies(c, "c"),
                        Collections.nCopies(z, "z"), Collections.<String>singletonList(null))
                .flatMap(java.util.List::stream).toArray(String[]::new);
    }
}
