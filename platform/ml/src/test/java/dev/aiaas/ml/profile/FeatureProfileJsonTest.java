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
    void anotherFormatIsRefused() {
        String json = FeatureProfileJson.write(FeatureProfile.of(Table.of(NumericColumn.of("v", 1, 2))));

        assertThatThrownBy(() -> FeatureProfileJson.read(json.replace("feature-profile/v1", "feature-profile/v0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 'aiaas.feature-profile/v0' is not the supported");
    }
}
