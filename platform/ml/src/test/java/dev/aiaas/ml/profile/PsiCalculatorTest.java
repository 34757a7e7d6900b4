package dev.aiaas.ml.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiCalculatorTest {

    private final PsiCalculator psi = new PsiCalculator();
    private final NumericFeatureProfile baseline =
            NumericFeatureProfile.of(NumericColumn.of("x", normal(10_000, 1, 0)));

    private static double[] normal(int n, long seed, double shift) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 50 + 10 * random.nextGaussian() + shift;
        }
        return values;
    }

    @Test
    void aSampleFromTheSameDistributionHasASmallPsi() {
        assertThat(psi.numeric(baseline, normal(2_000, 2, 0))).isLessThan(0.05);
    }

    @Test
    void aSampleShiftedByTwoStandardDeviationsHasALargePsi() {
        assertThat(psi.numeric(baseline, normal(2_000, 2, 20))).isGreaterThan(0.25);
    }

    @Test
    void psiFollowsTheFormulaWithEmptyBinsRaisedToEpsilon() {
        double[] allInTheLowestBin = {Double.NEGATIVE_INFINITY, -1e9, Double.NaN};

        double expected = (1 - 0.1) * Math.log(1 / 0.1) + 9 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1);

        assertThat(psi.numeric(baseline, allInTheLowestBin)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void categoricalPsiIsZeroForTheSameSharesAndCountsUnseenCategories() {
        CategoricalFeatureProfile islands = new CategoricalFeatureProfile("island", 4, 0,
                Map.of("Biscoe", 0.5, "Dream", 0.5));

        assertThat(psi.categorical(islands, new String[] {"Biscoe", "Dream", null})).isCloseTo(0, within(1e-12));
        double unseen = psi.categorical(islands, new String[] {"Atlantis", "Atlantis", "Biscoe", "Dream"});
        double expected = (0.5 - 1e-4) * Math.log(0.5 / 1e-4) + 2 * (0.25 - 0.5) * Math.log(0.25 / 0.5);
        assertThat(unseen).isCloseTo(expected, within(1e-12));
        assertThat(unseen).isGreaterThan(0.25);
    }

    @Test
    void valuesOutsideTheListedCategoriesAreExpectedInTheOtherShare() {
        CategoricalFeatureProfile bounded = new CategoricalFeatureProfile("c", 10, 0, Map.of("a", 0.6), 0.4);

        assertThat(psi.categorical(bounded, new String[] {"a", "a", "a", "b", "z"})).isCloseTo(0, within(1e-12));
    }

    @Test
    void categoricalBaselinesComeFromTrainingColumns() {
        CategoricalFeatureProfile profile = CategoricalFeatureProfile.of(CategoricalColumn.of("c", "a", "a", "b", "b"));

        assertThat(psi.categorical(profile, new String[] {"a", "b"})).isCloseTo(0, within(1e-12));
    }

    @Test
    void aSampleWithNoValuesIsRefused() {
        assertThatThrownBy(() -> psi.numeric(baseline, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sample of feature 'x' has no values");
    }
}
