package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.bytes;
import static dev.aiaas.serving.FixtureArtifacts.ref;

import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.LabelTask;
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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A real regression model, trained here the way a training job trains one: numbers
 * {@code y = 2a − 3b + 1} over two raw columns, split by deciles of y, the features standardised
 * on the training split (a transform of the REGRESSION task) and a LINEAR_REGRESSION fitted on
 * DJL, which standardises the targets and records that scaling in its spec. Its artifacts go to
 * the real object store, and the registry peer knows them as {@value #MODEL} v1; v2 is the same
 * model registered with a transform fitted for classes, a version no server may load.
 */
final class LinearModels {

    static final String MODEL = "linear";
    static final List<String> COLUMNS = List.of("a", "b");
    private static final int ROWS = 400;

    private static LinearModels registered;

    final Table table;
    final SplitIndices split;
    final FittedPipeline transform;
    final FeatureMatrix test;

    private LinearModels() {
        RecordTableBuilder builder = new RecordTableBuilder(List.of(ColumnSpec.numeric("a"), ColumnSpec.numeric("b"),
                ColumnSpec.numeric("y")), "y");
        Random random = new Random(11);
        for (int row = 0; row < ROWS; row++) {
            double a = random.nextDouble() * 10 - 5;
            double b = random.nextDouble() * 10 - 5;
            builder.add(Map.of("a", a, "b", b, "y", truth(a, b)));
        }
        table = builder.build();
        split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).splitByTarget(table);
        transform = new Pipeline(List.of(new Standardize()), LabelTask.REGRESSION).fit(table.select(split.train()));
        test = transform.apply(table.select(split.test()));
    }

    /** The relation the model learns. */
    static double truth(double a, double b) {
        return 2 * a - 3 * b + 1;
    }

    /** Trained once per test JVM; {@value #MODEL} v1 (servable) and v2 (mismatched) in the registry peer. */
    static synchronized LinearModels registered(ArtifactStore store) throws Exception {
        if (registered == null) {
            LinearModels models = new LinearModels();
            models.trainAndRegister(store);
            registered = models;
        }
        return registered;
    }

    /** The raw value of {@code column} in test row {@code row}. */
    double rawTest(int row, String column) {
        return table.select(split.test()).numeric(column).get(row);
    }

    /** The true value of test row {@code row}. */
    double trueTest(int row) {
        return truth(rawTest(row, "a"), rawTest(row, "b"));
    }

    private void trainAndRegister(ArtifactStore store) throws Exception {
        ModelSpec spec = new ModelSpec(ModelFamily.LINEAR_REGRESSION, List.of(2), List.of(), 1);
        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(60, 16, 0.05, 3, DevicePreference.CPU),
                targets(transform.apply(table.select(split.train()))),
                targets(transform.apply(table.select(split.validation()))), report -> { }, () -> false)) {
            Path params = model.saveParameters(Files.createTempDirectory("linear").resolve("params"));
            String prefix = "models/linear/job-1/";
            ArtifactRef parameters = ref("parameters", store.put(prefix + "model.params", params));
            // the trained model's spec, not the one asked for: it carries the target scaling
            ArtifactRef modelSpec = ref("model-spec", store.put(prefix + "model-spec.json",
                    bytes(ModelSpecJson.write(model.spec())), "application/json"));
            PeerRegistry.addVersion(MODEL, 1, List.of(parameters, modelSpec, ref("transform",
                    store.put(prefix + "transform.json", bytes(FittedPipelineJson.write(transform)), "application/json"))));
            FittedPipeline forClasses = Pipeline.of(new Standardize()).fit(table.select(split.train()));
            PeerRegistry.addVersion(MODEL, 2, List.of(parameters, modelSpec, ref("transform",
                    store.put("models/linear/mismatched/transform.json", bytes(FittedPipelineJson.write(forClasses)),
                            "application/json"))));
        }
    }

    private static LabelledData targets(FeatureMatrix matrix) {
        return LabelledData.regression(matrix.values(), matrix.targets(), matrix.rowCount());
    }
}
