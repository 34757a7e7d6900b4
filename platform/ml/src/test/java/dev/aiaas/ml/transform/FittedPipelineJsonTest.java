package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.ImageColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FittedPipelineJsonTest {

    @Test
    void aRoundTrippedPipelineGivesBitIdenticalFeatures() {
        FittedPipeline fitted = Penguins.pipeline().fit(Penguins.train());

        FittedPipeline read = FittedPipelineJson.read(FittedPipelineJson.write(fitted));

        assertThat(read.apply(Penguins.test()).values()).isEqualTo(fitted.apply(Penguins.test()).values());
        assertThat(read.apply(Penguins.test()).labels()).isEqualTo(fitted.apply(Penguins.test()).labels());
        assertThat(read.steps()).isEqualTo(fitted.steps());
        assertThat(read.inputColumns()).isEqualTo(fitted.inputColumns());
        assertThat(read.classLabels()).isEqualTo(fitted.classLabels());
        assertThat(read.featureNames()).isEqualTo(fitted.featureNames());
        assertThat(FittedPipelineJson.write(read)).isEqualTo(FittedPipelineJson.write(fitted));
    }

    @Test
    void parametersWithManyDigitsSurviveExactly() {
        Random random = new Random(7);
        double[] values = new double[50];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 1e-3 + Math.PI;
        }
        Table train = Table.of(NumericColumn.of("v", values));
        FittedPipeline fitted = Pipeline.of(new Standardize()).fit(train);

        FittedPipeline read = FittedPipelineJson.read(FittedPipelineJson.write(fitted));

        assertThat(read.steps()).isEqualTo(fitted.steps());
        assertThat(read.apply(train).values()).isEqualTo(fitted.apply(train).values());
    }

    @Test
    void imagePipelinesKeepTheirShapes() {
        Table digits = Table.of(List.of(ImageColumn.ofImages("pixels", new int[] {2, 2}, new byte[] {0, 1, 2, 3}),
                NumericColumn.of("digit", 3)), "digit");
        FittedPipeline fitted = Pipeline.of(new ScalePixels()).fit(digits);

        FittedPipeline read = FittedPipelineJson.read(FittedPipelineJson.write(fitted));

        assertThat(read.inputShape()).containsExactly(1, 2, 2);
        assertThat(read.inputColumns()).containsExactly(ColumnSpec.image("pixels", 2, 2));
        assertThat(read.apply(digits).values()).isEqualTo(fitted.apply(digits).values());
    }

    @Test
    void theDocumentNamesEveryParameter() {
        String json = FittedPipelineJson.write(Penguins.pipeline().fit(Penguins.train()));

        assertThat(json).contains("\"format\" : \"aiaas.fitted-pipeline/v1\"", "\"type\" : \"impute\"",
                "\"type\" : \"standardize\"", "\"type\" : \"one_hot\"", "\"type\" : \"drop_missing_label\"",
                "\"classes\" : [ \"Adelie\", \"Chinstrap\", \"Gentoo\" ]", "\"inputShape\" : [ 5 ]");
    }

    @Test
    void anotherFormatOrBrokenJsonIsRefused() {
        String json = FittedPipelineJson.write(Penguins.pipeline().fit(Penguins.train()));

        assertThatThrownBy(() -> FittedPipelineJson.read(json.replace("fitted-pipeline/v1", "fitted-pipeline/v9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 'aiaas.fitted-pipeline/v9' is not the supported");
        assertThatThrownBy(() -> FittedPipelineJson.read("{\"format\": "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a fitted pipeline document");
    }
}
