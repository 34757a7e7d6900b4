package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.bytes;
import static dev.aiaas.serving.FixtureArtifacts.initialParameters;
import static dev.aiaas.serving.FixtureArtifacts.ref;

import ai.djl.Device;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.models.AnomalyThreshold;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.models.TargetScaling;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.storage.ArtifactStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * An anomaly detector as serving meets one, made without training: four numeric columns and a
 * {@code kind} label ("normal" or "odd"), a transform of the ANOMALY task (Standardize) fitted on
 * the normal rows only, and an AUTOENCODER with its initial parameters, saved as training saves
 * one. Its threshold is fitted as training fits one, as a quantile of the scores of normal rows
 * (here the median of the first normal rows, so some rows fall on each side). {@value #MODEL}
 * v1 is servable; v2 is the same network with no threshold, and v3 the same behind a transform
 * fitted for numbers: versions no server may load.
 */
final class AnomalyModels {

    static final String MODEL = "detector";
    static final List<String> COLUMNS = List.of("a", "b", "c", "d");
    private static final int ROWS = 60;

    private static AnomalyModels registered;

    final Table table;
    final FittedPipeline transform;
    final ModelSpec spec;
    final LoadedModel model;
    /** Every row, transformed: model-ready features. */
    final FeatureMatrix rows;
    private final ModelSpec unthresholded;
    private final Path parameters;

    private AnomalyModels() throws Exception {
        List<ColumnSpec> columns = new ArrayList<>(COLUMNS.stream().map(ColumnSpec::numeric).toList());
        columns.add(ColumnSpec.categorical("kind"));
        RecordTableBuilder builder = new RecordTableBuilder(columns, "kind");
        Random random = new Random(3);
        for (int row = 0; row < ROWS; row++) {
            boolean odd = row % 5 == 4;
            Map<String, Object> record = new HashMap<>();
            for (String column : COLUMNS) {
                record.put(column, random.nextGaussian() * (odd ? 4 : 1));
            }
            record.put("kind", odd ? "odd" : "normal");
            builder.add(record);
        }
        table = builder.build();
        int[] normal = IntStream.range(0, ROWS).filter(r -> r % 5 != 4).toArray();
        transform = new Pipeline(List.of(new Standardize()), LabelTask.ANOMALY).fit(table.select(normal));
        rows = transform.apply(table);
        unthresholded = new ModelSpec(ModelFamily.AUTOENCODER, List.of(COLUMNS.size()), List.of(3, 2), COLUMNS.size(),
                LabelTask.ANOMALY, TargetScaling.NONE);
        parameters = initialParameters(unthresholded);
        double[] normalScores;
        try (LoadedModel untuned = LoadedModel.load(unthresholded, parameters, Device.cpu())) {
            float[] scores = untuned.anomalyScores(rows.values(), rows.rowCount());
            normalScores = Arrays.stream(normal).limit(20).mapToDouble(r -> scores[r]).toArray();
        }
        spec = unthresholded.withThreshold(AnomalyThreshold.fit(normalScores, 0.5));
        model = LoadedModel.load(spec, parameters, Device.cpu());
    }

    /** Made once per test JVM; {@value #MODEL} v1 (servable), v2 (no threshold), v3 (mismatched transform). */
    static synchronized AnomalyModels registered(ArtifactStore store) throws Exception {
        if (registered == null) {
            AnomalyModels models = new AnomalyModels();
            models.register(store);
            registered = models;
        }
        return registered;
    }

    /** The raw value of {@code column} in row {@code row}. */
    double raw(int row, String column) {
        return table.numeric(column).get(row);
    }

    private void register(ArtifactStore store) throws Exception {
        String prefix = "models/detector/made-1/";
        ArtifactRef params = ref("parameters", store.put(prefix + "model.params", parameters));
        ArtifactRef transformJson = ref("transform", store.put(prefix + "transform.json",
                bytes(FittedPipelineJson.write(transform)), "application/json"));
        PeerRegistry.addVersion(MODEL, 1, List.of(params, transformJson, ref("model-spec",
                store.put(prefix + "model-spec.json", bytes(ModelSpecJson.write(spec)), "application/json"))));
        PeerRegistry.addVersion(MODEL, 2, List.of(params, transformJson, ref("model-spec",
                store.put("models/detector/unthresholded/model-spec.json", bytes(ModelSpecJson.write(unthresholded)),
                        "application/json"))));
        RecordTableBuilder numbers = new RecordTableBuilder(List.of(ColumnSpec.numeric("a"), ColumnSpec.numeric("y")),
                "y");
        numbers.add(Map.of("a", 1.0, "y", 2.0)).add(Map.of("a", 2.0, "y", 3.0));
        FittedPipeline forNumbers = new Pipeline(List.of(new Standardize()), LabelTask.REGRESSION).fit(numbers.build());
        PeerRegistry.addVersion(MODEL, 3, List.of(params, ref("model-spec", store.put(prefix + "model-spec-3.json",
                bytes(ModelSpecJson.write(spec)), "application/json")), ref("transform",
                store.put("models/detector/mismatched/transform.json", bytes(FittedPipelineJson.write(forNumbers)),
                        "application/json"))));
    }
}
