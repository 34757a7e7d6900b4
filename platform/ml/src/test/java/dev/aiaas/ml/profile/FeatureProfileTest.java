package dev.aiaas.ml.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.ImageColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureProfileTest {

    private static double[] oneToHundredAndAGap() {
        double[] values = IntStream.rangeClosed(1, 101).asDoubleStream().toArray();
        values[100] = Double.NaN;
        return values;
    }

    @Test
    void numericFeaturesRecordMomentsQuantilesAndDecileBins() {
        NumericFeatureProfile profile = NumericFeatureProfile.of(NumericColumn.of("v", oneToHundredAndAGap()));

        assertThat(profile.count()).isEqualTo(100);
        assertThat(profile.missing()).isEqualTo(1);
        assertThat(profile.mean()).isEqualTo(50.5);
        assertThat(profile.std()).isCloseTo(28.86607, within(1e-5));
        assertThat(profile.min()).isEqualTo(1);
        assertThat(profile.max()).isEqualTo(100);
        // numpy.quantile(range(1, 101), [.01, .05, .25, .5, .75, .95, .99])
        assertThat(profile.quantiles()).containsExactly(
                new double[] {1.99, 5.95, 25.75, 50.5, 75.25, 95.05, 99.01}, within(1e-9));
        assertThat(profile.binEdges()).hasSize(9);
        assertThat(profile.binEdges()[0]).isCloseTo(10.9, within(1e-9));
        assertThat(profile.binFractions()).containsOnly(0.1);
    }

    @Test
    void numericFeaturesRecordEveryPercentileFromMinimumToMaximum() {
        NumericFeatureProfile profile = NumericFeatureProfile.of(NumericColumn.of("v", oneToHundredAndAGap()));

        // numpy.percentile(range(1, 101), range(0, 101)): 1 + 0.99 i
        assertThat(profile.percentiles()).hasSize(101);
        assertThat(profile.percentiles()[0]).isEqualTo(1);
        assertThat(profile.percentiles()[37]).isCloseTo(37.63, within(1e-9));
        assertThat(profile.percentiles()[100]).isEqualTo(100);
    }

    @Test
    void binsHoldValuesUpToAndIncludingTheirUpperEdge() {
        NumericFeatureProfile profile = NumericFeatureProfile.of(NumericColumn.of("v", oneToHundredAndAGap()));

        assertThat(profile.binOf(-1e9)).isZero();
        assertThat(profile.binOf(profile.binEdges()[0])).isZero();
        assertThat(profile.binOf(Math.nextUp(profile.binEdges()[0]))).isEqualTo(1);
        assertThat(profile.binOf(1e9)).isEqualTo(9);
    }

    @Test
    void categoricalFeaturesRecordTheShareOfEachCategory() {
        CategoricalFeatureProfile profile = CategoricalFeatureProfile.of(
                CategoricalColumn.of("island", "Dream", "Biscoe", null, "Dream", "Dream"));

        assertThat(profile.count()).isEqualTo(4);
        assertThat(profile.missing()).isEqualTo(1);
        assertThat(profile.frequencies()).containsExactly(Map.entry("Biscoe", 0.25), Map.entry("Dream", 0.75));
        assertThat(profile.other()).isZero();
    }

    @Test
    void aCategoricalProfileListsTheMostFrequentCategoriesAndSharesTheRestAsOther() {
        // 150 categories: "c000" … "c149", category i held i + 1 times; the 100 most frequent are c050 … c149
        String[] values = IntStream.range(0, 150).boxed()
                .flatMap(i -> java.util.Collections.nCopies(i + 1, String.format("c%03d", i)).stream())
                .toArray(String[]::new);

        CategoricalFeatureProfile profile = CategoricalFeatureProfile.of(CategoricalColumn.of("id", values));

        long total = 150 * 151 / 2;
        assertThat(profile.frequencies()).hasSize(CategoricalFeatureProfile.MAX_CATEGORIES);
        assertThat(profile.frequencies()).containsKey("c050").doesNotContainKey("c049");
        assertThat(profile.other()).isCloseTo(50 * 51 / 2 / (double) total, within(1e-12));
        assertThat(profile.frequencies().values().stream().mapToDouble(Double::doubleValue).sum() + profile.other())
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void theTableProfileCoversRawFeaturesButNotTheLabelOrImages() {
        Table train = Table.of(List.of(
                NumericColumn.of("mass", 1, 2), CategoricalColumn.of("island", "a", "b"),
                ImageColumn.of("img", new int[] {1}, new byte[] {1, 2}), CategoricalColumn.of("species", "x", "y")),
                "species");

        FeatureProfile profile = FeatureProfile.of(train);

        assertThat(profile.rowCount()).isEqualTo(2);
        assertThat(profile.numeric()).extracting(NumericFeatureProfile::name).containsExactly("mass");
        assertThat(profile.categorical()).extracting(CategoricalFeatureProfile::name).containsExactly("island");
        assertThat(profile.numeric("mass")).isPresent();
        assertThat(profile.categorical("species")).isEmpty();
    }

    @Test
    void aColumnWithNoValuesHasNaNStatisticsAndNoBins() {
        NumericFeatureProfile profile = NumericFeatureProfile.of(NumericColumn.of("v", Double.NaN, Double.NaN));

        assertThat(profile.count()).isZero();
        assertThat(profile.missing()).isEqualTo(2);
        assertThat(profile.mean()).isNaN();
        assertThat(profile.binFractions()).isEmpty();
    }
}
