package dev.aiaas.ml.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureProfileJsonTest {

    @Test
    void aProfileReadsBackEqualIncludingNaNForAnEmptyColumn() {
        Random random = new Random(3);
        double[] values = new double[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 7.3 + 1 / 3.0;
        }
        double[] gone = new double[12];
        Arrays.fill(gone, Double.NaN);
        FeatureProfile profile = FeatureProfile.of(Table.of(
                NumericColumn.of("v", values),
                NumericColumn.of("gone", gone),
                CategoricalColumn.of("c", "a", "b", "a", null, "a", "b", "c", "a", "a", "b", "a", "a")));

        FeatureProfile read = FeatureProfileJson.read(FeatureProfileJson.write(profile));

        assertThat(read).isEqualTo(profile);
        assertThat(read.numeric("gone").orElseThrow().mean()).isNaN();
    }

    @Test
    void aVersionOneProfileStillReadsWithoutPercentilesAndWithEveryCategoryListed() {
        String v1 = """
                {"format": "aiaas.feature-profile/v1", "rowCount": 3,
                 "numeric": [{"name": "v", "count": 3, "missing": 0, "mean": 2.0, "std": 0.816496580927726,
                   "min": 1.0, "max": 3.0, "quantileLevels": [0.5], "quantiles": [2.0],
                   "binEdges": [2.0], "binFractions": [0.6666666666666666, 0.3333333333333333]}],
                 "categorical": [{"name": "c", "count": 3, "missing": 0, "frequencies": {"a": 1.0}}]}
                """;

        FeatureProfile read = FeatureProfileJson.read(v1);

        assertThat(read.numeric("v").orElseThrow().percentiles()).isEmpty();
        assertThat(read.numeric("v").orElseThrow().quantiles()).containsExactly(2.0);
        assertThat(read.categorical("c").orElseThrow().other()).isZero();
        assertThat(read.categorical("c").orElseThrow().frequencies()).containsEntry("a", 1.0);
    }

    @Test
    void anotherFormatIsRefused() {
        String json = FeatureProfileJson.write(FeatureProfile.of(Table.of(NumericColumn.of("v", 1, 2))));

        assertThatThrownBy(() -> FeatureProfileJson.read(json.replace("feature-profile/v2", "feature-profile/v0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 'aiaas.feature-profile/v0' is not the supported");
    }
}
