package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void specSurvivesItsJsonRoundTrip() {
        ModelSpec cnn = ModelSpec.withDefaults(ModelFamily.CNN, List.of(1, 28, 28), List.of(), 10);

        String json = ModelSpecJson.write(cnn);

        assertThat(json).contains("\"format\" : \"aiaas.model-spec/v1\"", "\"family\" : \"CNN\"");
        assertThat(ModelSpecJson.read(json)).isEqualTo(cnn);
        assertThat(cnn.hiddenUnits()).containsExactly(8, 16);
        assertThat(cnn.batchShape(5)).containsExactly(5, 1, 28, 28);
    }

    @Test
    void anotherFormatOrAnUnknownFamilyIsRefused() {
        assertThatThrownBy(() -> ModelSpecJson.read("""
                {"format": "aiaas.model-spec/v9", "family": "MLP", "inputShape": [4], "hiddenUnits": [], "outputs": 3}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v9");
        assertThatThrownBy(() -> ModelSpecJson.read("""
                {"format": "aiaas.model-spec/v1", "family": "TRANSFORMER", "inputShape": [4], "hiddenUnits": [], "outputs": 3}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRANSFORMER");
    }

    @Test
    void layoutsNoFamilyCanBuildAreRefusedWithWhatToChange() {
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.CNN, List.of(4), List.of(8, 16), 3))
                .hasMessageContaining("[channels, height, width]");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.LOGISTIC_REGRESSION, List.of(4), List.of(8), 3))
                .hasMessageContaining("no hidden layers");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.MLP, List.of(4), List.of(), 1))
                .hasMessageContaining("at least two classes");
    }

    @Test
    void theTaskIsTheFamilysUnlessSaidAndAFamilyLearnsOnlyItsTasks() {
        ModelSpec mlpRegressor = new ModelSpec(ModelFamily.MLP, List.of(4), List.of(8), 1,
                dev.aiaas.ml.transform.LabelTask.REGRESSION, new TargetScaling(23.5, 7.8));

        assertThat(new ModelSpec(ModelFamily.MLP, List.of(4), List.of(8), 3).classifier()).isTrue();
        assertThat(new ModelSpec(ModelFamily.LINEAR_REGRESSION, List.of(4), List.of(), 1).classifier()).isFalse();
        assertThat(mlpRegressor.classifier()).isFalse();
        assertThat(ModelSpecJson.read(ModelSpecJson.write(mlpRegressor))).isEqualTo(mlpRegressor);
        assertThat(ModelSpecJson.write(new ModelSpec(ModelFamily.MLP, List.of(4), List.of(8), 3)))
                .as("a classifier's document is as it was").doesNotContain("task", "targetScaling");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.CNN, List.of(1, 28, 28), List.of(8, 16), 1,
                dev.aiaas.ml.transform.LabelTask.REGRESSION, TargetScaling.NONE))
                .hasMessageContaining("CNN does not learn numbers").hasMessageContaining("LINEAR_REGRESSION");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.MLP, List.of(4), List.of(8), 3,
                dev.aiaas.ml.transform.LabelTask.CLASSIFICATION, new TargetScaling(1, 2)))
                .hasMessageContaining("not scaled");
    }
}
