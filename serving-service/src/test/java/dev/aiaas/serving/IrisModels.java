package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.bytes;
import static dev.aiaas.serving.FixtureArtifacts.ref;

import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.LabelledData;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.models.ModelTrainer;
import dev.aiaas.models.TrainingPlan;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.storage.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Real Iris models, trained here the way a training job trains them (standardised on the
 * training split, MLP on DJL), with their artifacts in the real object store.
 */
final class IrisModels {

    static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    static final List<String> COLUMNS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    final Table table;
    final SplitIndices split;
    final FittedPipeline transform;
    final FeatureMatrix test;

    IrisModels() throws Exception {
        table = CsvTableReader.read(IRIS, "species");
        split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(table);
        transform = Pipeline.of(new Standardize()).fit(table.select(split.train()));
        test = transform.apply(table.select(split.test()));
    }

    /** Trains an MLP for {@code epochs} and uploads its artifacts under {@code models/iris/<tag>/}. */
    List<ArtifactRef> trainAndUpload(ArtifactStore store, String tag, int epochs) throws Exception {
        FeatureMatrix train = transform.apply(table.select(split.train()));
        FeatureMatrix validation = transform.apply(table.select(split.validation()));
        ModelSpec spec = ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(16), 3);
        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(epochs, 16, 0.01, 3, DevicePreference.CPU),
                labelled(train), labelled(validation), report -> { }, () -> false)) {
            Path params = model.saveParameters(Files.createTempDirectory("iris-" + tag).resolve("params"));
            String prefix = "models/iris/" + tag + "/";
            return List.of(
                    ref("parameters", store.put(prefix + "model.params", params)),
                    ref("model-spec", store.put(prefix + "model-spec.json", bytes(ModelSpecJson.write(spec)), "application/json")),
                    ref("transform", store.put(prefix + "transform.json", bytes(FittedPipelineJson.write(transform)), "application/json")),
                    ref("profile", store.put(prefix + "profile.json",
                            bytes(FeatureProfileJson.write(FeatureProfile.of(table.select(split.train())))), "application/json")));
        }
    }

    /** The raw value of {@code column} in test row {@code row}. */
    double rawTest(int row, String column) {
        return table.select(split.test()).numeric(column).get(row);
    }

    private static LabelledData labelled(FeatureMatrix matrix) {
        return LabelledData.classification(matrix.values(), Arrays.stream(matrix.labels()).asLongStream().toArray());
    }
}
