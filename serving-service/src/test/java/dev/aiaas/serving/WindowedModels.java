package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.bytes;
import static dev.aiaas.serving.FixtureArtifacts.initialParameters;
import static dev.aiaas.serving.FixtureArtifacts.ref;

import ai.djl.Device;
import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.models.TargetScaling;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.storage.ArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A sequence model as serving meets one, made without training: a daily series of a numeric
 * {@code level}, a categorical {@code weather} and the target {@code demand}, whose transform
 * (Standardize, OneHot, fitted with platform/ml) is windowed by {@value #WINDOW} rows to
 * forecast the next {@value #HORIZON} demands; the target's past is an input, the time column
 * {@code day} is not (no step reads it). The network is an LSTM over [window, features] with its
 * initial parameters, saved as training saves one, so what it answers is whatever those
 * parameters compute: the tests hold serving against the same model loaded here.
 * {@value #MODEL} v1 is servable; v2 pairs the model with a transform of another window, a
 * version no server may load.
 */
final class WindowedModels {

    static final String MODEL = "windowed";
    static final int WINDOW = 4;
    static final int HORIZON = 2;
    static final List<String> COLUMNS = List.of("level", "weather", "demand");
    private static final List<String> WEATHER = List.of("fog", "rain", "sun");
    private static final int ROWS = 40;

    private static WindowedModels registered;

    /** The series, oldest first: the raw records a client holds. */
    final List<Map<String, Object>> series = new ArrayList<>(ROWS);
    final FittedPipeline transform;
    final ModelSpec spec;
    final LoadedModel model;
    private final FittedPipeline unwindowed;
    private final Path parameters;

    private WindowedModels() throws Exception {
        RecordTableBuilder table = new RecordTableBuilder(List.of(ColumnSpec.numeric("level"),
                ColumnSpec.categorical("weather"), ColumnSpec.numeric("demand")), null);
        Random random = new Random(5);
        for (int day = 0; day < ROWS; day++) {
            double level = 10 + 3 * Math.sin(day / 5.0) + random.nextGaussian();
            Map<String, Object> record = Map.of("level", level, "weather", WEATHER.get(random.nextInt(3)),
                    "demand", 2 * level + random.nextGaussian());
            series.add(record);
            table.add(record);
        }
        unwindowed = Pipeline.of(new Standardize(), new OneHot()).fit(table.build());
        transform = unwindowed.withWindow(windowSpec(WINDOW));
        spec = new ModelSpec(ModelFamily.LSTM, List.of(WINDOW, transform.featureNames().size()), List.of(8), HORIZON,
                LabelTask.REGRESSION, new TargetScaling(20, 6));
        parameters = initialParameters(spec);
        model = LoadedModel.load(spec, parameters, Device.cpu());
    }

    private static WindowSpec windowSpec(int rows) {
        return new WindowSpec("day", null, "demand", rows, HORIZON, 1);
    }

    /** Made once per test JVM; {@value #MODEL} v1 (servable) and v2 (mismatched window) in the registry peer. */
    static synchronized WindowedModels registered(ArtifactStore store) throws Exception {
        if (registered == null) {
            WindowedModels models = new WindowedModels();
            models.register(store);
            registered = models;
        }
        return registered;
    }

    /** The {@value #WINDOW} records of the series that start at {@code start}, oldest first. */
    List<Map<String, Object>> window(int start) {
        return series.subList(start, start + WINDOW);
    }

    /** What the model answers for these windows, transformed here: {@code windows × horizon} values. */
    float[] expected(List<List<Map<String, Object>>> windows) {
        return model.predict(features(windows), windows.size());
    }

    /** The windows as model-ready features, [windows, window, features]. */
    float[] features(List<List<Map<String, Object>>> windows) {
        int width = spec.inputSize();
        float[] features = new float[windows.size() * width];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(transform.applyWindow(windows.get(i)), 0, features, i * width, width);
        }
        return features;
    }

    private void register(ArtifactStore store) throws Exception {
        String prefix = "models/windowed/made-1/";
        ArtifactRef params = ref("parameters", store.put(prefix + "model.params", parameters));
        ArtifactRef modelSpec = ref("model-spec", store.put(prefix + "model-spec.json",
                bytes(ModelSpecJson.write(spec)), "application/json"));
        PeerRegistry.addVersion(MODEL, 1, List.of(params, modelSpec, ref("transform",
                store.put(prefix + "transform.json", bytes(FittedPipelineJson.write(transform)), "application/json"))));
        FittedPipeline shorter = unwindowed.withWindow(windowSpec(WINDOW - 1));
        PeerRegistry.addVersion(MODEL, 2, List.of(params, modelSpec, ref("transform",
                store.put("models/windowed/mismatched/transform.json", bytes(FittedPipelineJson.write(shorter)),
                        "application/json"))));
    }
}
