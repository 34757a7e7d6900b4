package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.transform.LabelTask;
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

    @Test
    void theAnchorAndTheThresholdSurviveTheJsonRoundTripAndOlderDocumentsStillRead() {
        ModelSpec forecaster = ModelSpec.withDefaults(ModelFamily.LSTM, List.of(14, 11), List.of(), 1,
                LabelTask.REGRESSION).withAnchor(new LastValueAnchor(3, 16.45, 7.40)).withScaling(new TargetScaling(0.01, 2.9));
        ModelSpec detector = ModelSpec.withDefaults(ModelFamily.AUTOENCODER, List.of(784), List.of(), 784)
                .withThreshold(new AnomalyThreshold(0.95, 0.0735));

        String forecasterJson = ModelSpecJson.write(forecaster);
        String detectorJson = ModelSpecJson.write(detector);

        assertThat(ModelSpecJson.read(forecasterJson)).isEqualTo(forecaster);
        assertThat(ModelSpecJson.read(detectorJson)).isEqualTo(detector);
        assertThat(forecasterJson).contains("\"lastValueAnchor\"", "\"feature\" : 3").doesNotContain("anomalyThreshold");
        assertThat(detectorJson).contains("\"task\" : \"ANOMALY\"", "\"anomalyThreshold\"", "\"quantile\" : 0.95")
                .doesNotContain("targetScaling", "lastValueAnchor");
        assertThat(ModelSpecJson.read("""
                {"format": "aiaas.model-spec/v1", "family": "MLP", "inputShape": [4], "hiddenUnits": [8], "outputs": 1,
                 "task": "REGRESSION", "targetScaling": {"mean": 23.5, "std": 7.8}}""").anchor())
                .as("a regression document from before anchors").isNull();
    }

    @Test
    void sequenceAndAnomalyLayoutsNoFamilyCanBuildAreRefusedWithWhatToChange() {
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.LSTM, List.of(11), List.of(), 1))
                .hasMessageContaining("[window, features]").hasMessageContaining("prepare the data with a sequence (window)");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.GRU, List.of(14, 11), List.of(8, 8, 8, 8), 1))
                .hasMessageContaining("1 to 3 state sizes");
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.AUTOENCODER, List.of(784), List.of(), 10))
                .hasMessageContaining("outputs must equal the input size 784");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.AUTOENCODER, List.of(4), List.of(8), 4))
                .hasMessageContaining("narrower than the input's 4 values");
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(), 1, LabelTask.REGRESSION)
                .withAnchor(LastValueAnchor.raw(0))).hasMessageContaining("for LSTM and GRU forecasters");
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.LSTM, List.of(14, 11), List.of(), 1)
                .withAnchor(LastValueAnchor.raw(11))).hasMessageContaining("not one of the 11 features");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.MLP, List.of(4), List.of(8), 3)
                .withThreshold(new AnomalyThreshold(0.95, 1))).hasMessageContaining("only an anomaly detector");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.LSTM, List.of(14, 11), List.of(32), 3, LabelTask.CLASSIFICATION,
                null)).hasMessageContaining("LSTM does not learn classes");
        assertThatThrownBy(() -> new ModelSpec(ModelFamily.AUTOENCODER, List.of(784), List.of(32), 784, LabelTask.ANOMALY,
                new TargetScaling(1, 2))).hasMessageContaining("what is normal (anomaly detection) has outputs that are not scaled targets");
    }

    @Test
    void recurrentFamiliesForecastNumbersAndTheAutoencoderAloneDetectsAnomalies() {
        assertThat(ModelFamily.supporting(LabelTask.REGRESSION)).contains(ModelFamily.LSTM, ModelFamily.GRU);
        assertThat(ModelFamily.supporting(LabelTask.ANOMALY)).containsExactly(ModelFamily.AUTOENCODER);
        assertThat(ModelSpec.withDefaults(ModelFamily.GRU, List.of(14, 11), List.of(), 1).hiddenUnits()).containsExactly(32);
        assertThat(ModelSpec.withDefaults(ModelFamily.AUTOENCODER, List.of(1, 28, 28), List.of(), 784).hiddenUnits())
                .containsExactly(128, 32);
        assertThat(ModelSpec.withDefaults(ModelFamily.AUTOENCODER, List.of(10), List.of(), 10).hiddenUnits())
                .as("a narrow input's default code is half its width").containsExactly(5);
        assertThat(ModelSpec.withDefaults(ModelFamily.LSTM, List.of(14, 11), List.of(), 1).batchShape(32))
                .containsExactly(32, 14, 11);
        assertThatThrownBy(() -> new ModelSpec(null, List.of(4), List.of(), 1))
                .hasMessageContaining("LSTM, GRU, AUTOENCODER");
    }

    @Test
    void aTextClassifiersVocabularySurvivesTheJsonRoundTripAndOtherDocumentsStayAsTheyWere() {
        ModelSpec text = ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(256), List.of(), 2,
                LabelTask.CLASSIFICATION, new Vocabulary(20_002));

        String json = ModelSpecJson.write(text);

        assertThat(text.hiddenUnits()).as("the default embedding size").containsExactly(64);
        assertThat(json).contains("\"family\" : \"EMBEDDING_BAG\"", "\"vocabulary\" : {", "\"size\" : 20002")
                .doesNotContain("task", "targetScaling");
        assertThat(ModelSpecJson.read(json)).isEqualTo(text);
        assertThat(ModelSpecJson.write(new ModelSpec(ModelFamily.MLP, List.of(4), List.of(8), 3)))
                .doesNotContain("vocabulary");
        assertThat(ModelFamily.supporting(LabelTask.CLASSIFICATION)).contains(ModelFamily.EMBEDDING_BAG);
        assertThat(ModelFamily.supporting(LabelTask.REGRESSION)).doesNotContain(ModelFamily.EMBEDDING_BAG);
    }

    @Test
    void aTextClassifierNeedsItsVocabularyAndTokenIdsAndNoOtherFamilyTakesAVocabulary() {
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(256), List.of(), 2))
                .hasMessageContaining("EMBEDDING_BAG needs the vocabulary size");
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(2, 128), List.of(), 2,
                LabelTask.CLASSIFICATION, new Vocabulary(100))).hasMessageContaining("token ids shaped [maxTokens]")
                .hasMessageContaining("Tokenize");
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.EMBEDDING_BAG, List.of(256), List.of(32, 16), 2,
                LabelTask.CLASSIFICATION, new Vocabulary(100))).hasMessageContaining("one embedding size");
        assertThatThrownBy(() -> ModelSpec.withDefaults(ModelFamily.MLP, List.of(256), List.of(), 2,
                LabelTask.CLASSIFICATION, new Vocabulary(100))).hasMessageContaining("not MLP");
        assertThatThrownBy(() -> new Vocabulary(2)).hasMessageContaining("holds no word");
        assertThatThrownBy(() -> ModelSpecJson.read("""
                {"format": "aiaas.model-spec/v1", "family": "EMBEDDING_BAG", "inputShape": [16], "hiddenUnits": [8],
                 "outputs": 2}""")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vocabulary");
    }
}
