package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.table.ImageColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalePixelsTest {

    private final Table digits = Table.of(List.of(
            ImageColumn.ofImages("pixels", new int[] {2, 2},
                    new byte[] {0, (byte) 255, (byte) 128, 51}, new byte[] {1, 2, 3, 4}),
            NumericColumn.of("digit", 7, 1)), "digit");

    @Test
    void pixelsAreDividedBy255AndTheImageKeepsAChannelDimension() {
        FittedPipeline pipeline = Pipeline.of(new ScalePixels()).fit(digits);

        FeatureMatrix matrix = pipeline.apply(digits);

        assertThat(matrix.rowShape()).containsExactly(1, 2, 2);
        assertThat(matrix.shape()).containsExactly(2, 1, 2, 2);
        assertThat(matrix.row(0)).containsExactly(0f, 1f, 128 / 255f, 0.2f);
        assertThat(matrix.featureNames()).containsExactly("pixels[0]", "pixels[1]", "pixels[2]", "pixels[3]");
        assertThat(matrix.labels()).containsExactly(1, 0);
        assertThat(pipeline.classLabels()).containsExactly("1", "7");
    }

    @Test
    void applyingTwiceStillScalesOnce() {
        FittedScalePixels fitted = new ScalePixels().fit(digits);

        Table twice = fitted.apply(fitted.apply(digits));

        assertThat(twice.image("pixels").divisor()).isEqualTo(255f);
    }
}
