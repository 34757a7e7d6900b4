package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.aiaas.ml.transform.LabelTask;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forecasters and autoencoders are served from what training saved: {@code model-spec.json} and
 * the parameters rebuild a model that answers exactly what the trained one did.
 */
class SavedSequenceAndAnomalyModelsTest {

    private static final int WINDOW = 8;
    private static final TrainingPlan PLAN = new TrainingPlan(3, 16, 0.01, 5, DevicePreference.CPU);

    @TempDir
    Path scratch;

    @Test
    void anAnchoredLstmAndAGruForecastTheSameAfterSaveAndLoad() throws Exception {
        LabelledData train = SyntheticSeries.sineWindows(200, WINDOW, 1);
        LabelledData test = SyntheticSeries.sineWindows(20, WINDOW, 2);
        ModelSpec lstm = ModelSpec.withDefaults(ModelFamily.LSTM, List.of(WINDOW, 2), List.of(8, 4), 1,
                LabelTask.REGRESSION).withAnchor(LastValueAnchor.raw(0));
        ModelSpec gru = ModelSpec.withDefaults(ModelFamily.GRU, List.of(WINDOW, 2), List.of(), 1, LabelTask.REGRESSION);

        for (ModelSpec spec : List.of(lstm, gru)) {
            try (LoadedModel trained = new ModelTrainer().train(spec, PLAN, train, test, r -> { }, () -> false);
                 LoadedModel loaded = reloaded(trained, spec.family().name())) {
                float[] expected = trained.predict(test.features(), test.rows());

                assertThat(loaded.spec()).isEqualTo(trained.spec());
                assertThat(loaded.predict(test.features(), test.rows())).as("%s", spec.family()).containsExactly(expected);
                assertThat(expected[0]).as("a forecast in the series' units").isBetween(2f, 18f);
            }
        }
    }

    @Test
    void anAutoencoderScoresAndFlagsTheSameAfterSaveAndLoad() throws Exception {
        LabelledData rows = SyntheticSeries.lowRankRows(400, 12, 5, 3);
        ModelSpec spec = ModelSpec.withDefaults(ModelFamily.AUTOENCODER, List.of(12), List.of(8, 2), 12);

        try (LoadedModel trained = new ModelTrainer().train(spec, PLAN, rows, rows, r -> { }, () -> false);
             LoadedModel loaded = reloaded(trained, "autoencoder")) {
            float[] scores = trained.anomalyScores(rows.features(), rows.rows());

            assertThat(loaded.spec().threshold()).isEqualTo(trained.spec().threshold()).isNotNull();
            assertThat(loaded.anomalyScores(rows.features(), rows.rows())).containsExactly(scores);
            assertThat(loaded.isAnomaly(scores[4])).isEqualTo(trained.isAnomaly(scores[4]));
            assertThat(loaded.predict(rows.features(), rows.rows())).as("the reconstructions")
                    .containsExactly(trained.predict(rows.features(), rows.rows()));
        }
    }

    @Test
    void anLstmsParametersDoNotLoadIntoAGru() throws Exception {
        LabelledData train = SyntheticSeries.sineWindows(50, WINDOW, 1);
        ModelSpec lstm = ModelSpec.withDefaults(ModelFamily.LSTM, List.of(WINDOW, 2), List.of(), 1, LabelTask.REGRESSION);
        ModelSpec gru = ModelSpec.withDefaults(ModelFamily.GRU, List.of(WINDOW, 2), List.of(), 1, LabelTask.REGRESSION);

        try (LoadedModel trained = new ModelTrainer().train(lstm, PLAN, train, train, r -> { }, () -> false)) {
            Path parameters = trained.saveParameters(scratch.resolve("lstm"));

            assertThatThrownBy(() -> LoadedModel.load(gru.withScaling(trained.spec().scaling()), parameters, Device.cpu()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit a GRU");
        }
    }

    @Test
    void anAnchoredForecasterWhoseNetworkAnswersZeroForecastsTheWindowsLastValue() {
        // the target is feature 1, standardised by the preparation with mean 20 and std 4
        LastValueAnchor anchor = new LastValueAnchor(1, 20, 4);
        ModelSpec spec = new ModelSpec(ModelFamily.GRU, List.of(3, 2), List.of(4), 2, LabelTask.REGRESSION,
                new TargetScaling(1.5, 2.5), anchor, null);
        float[] windows = {0, 0.5f, 9, 9, 7, -1.25f, /* second window */ 1, 1, 2, 2, 3, 0};
        try (Model model = Model.newInstance(LoadedModel.MODEL_NAME, Device.cpu())) {
            model.setBlock(ModelFamilies.block(spec));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(spec.batchShape(1)));
            for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
                parameter.getValue().getArray().muli(0);
            }
            float[] forecasts = new LoadedModel(spec, model).predict(windows, 2);

            assertThat(forecasts).hasSize(4);
            assertThat(forecasts[0]).as("-1.25 · 4 + 20, for both outputs").isCloseTo(15f, within(1e-4f));
            assertThat(forecasts[1]).isCloseTo(15f, within(1e-4f));
            assertThat(forecasts[2]).as("0 · 4 + 20").isCloseTo(20f, within(1e-4f));
            assertThat(anchor.lastValue(windows, 0, 3, 2)).isEqualTo(15.0);
        }
    }

    private LoadedModel reloaded(LoadedModel trained, String folder) throws Exception {
        Path parameters = trained.saveParameters(scratch.resolve(folder));
        ModelSpec spec = ModelSpecJson.read(ModelSpecJson.write(trained.spec()));
        return LoadedModel.load(spec, parameters, Device.cpu());
    }
}
