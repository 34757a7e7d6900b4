package dev.aiaas.training;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiaas.errors.Projects;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzWriter;
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
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import dev.aiaas.storage.StoredArtifact;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Writes a real prepared Iris dataset into the object store as the storage contract lays it
 * out (what preprocess-service writes): three .npz splits, transform.json and profile.json in
 * the spec's folder, and the typed manifest last.
 */
final class PreparedIris {

    /** The stored dataset and its test split, to check a trained model against. */
    record Written(String dataset, long version, String pipeline, FeatureMatrix test, byte[] transform) {
    }

    private PreparedIris() {
    }

    /** Writes {@code dataset} v1 (pipeline "default") of the default project. */
    static Written write(ArtifactStore store, String dataset) throws Exception {
        return write(store, Projects.DEFAULT, dataset);
    }

    /** Writes {@code dataset} v1 (pipeline "default") of {@code project}, under that project's keys. */
    static Written write(ArtifactStore store, String project, String dataset) throws Exception {
        Table iris = CsvTableReader.read(irisCsv(), "species");
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(iris);
        FittedPipeline fitted = Pipeline.of(new Standardize()).fit(iris.select(split.train()));
        String specSha256 = ArtifactDigest.sha256Hex(dataset.getBytes(StandardCharsets.UTF_8));
        String prefix = ObjectKeys.preparedOutput(project, dataset, 1, "default", specSha256);
        PreparedDataset.Builder manifest = PreparedDataset.newBuilder().setDataset(dataset).setDatasetVersion(1)
                .setPipeline(PipelineSpec.newBuilder().setName("default")).setSpecSha256(specSha256)
                .addAllFeatureNames(fitted.featureNames())
                .addAllInputShape(Arrays.stream(fitted.inputShape()).asLongStream().boxed().toList())
                .addAllClassLabels(fitted.classLabels());
        FeatureMatrix test = null;
        for (String name : new String[] {"train", "validation", "test"}) {
            int[] rows = name.equals("train") ? split.train() : name.equals("validation") ? split.validation() : split.test();
            FeatureMatrix matrix = fitted.apply(iris.select(rows));
            test = matrix;
            StoredArtifact tensors = store.put(prefix + name + ".npz", npz(matrix), ArtifactStore.BINARY);
            manifest.addSplits(SplitSummary.newBuilder().setName(name).setRows(matrix.rowCount())
                    .setTensors(ref("tensors", tensors)));
        }
        byte[] transform = FittedPipelineJson.write(fitted).getBytes(StandardCharsets.UTF_8);
        manifest.setTransform(ref("transform", store.put(prefix + "transform.json", transform, "application/json")));
        manifest.setProfile(ref("profile", store.put(prefix + "profile.json", FeatureProfileJson.write(
                FeatureProfile.of(iris.select(split.train()))).getBytes(StandardCharsets.UTF_8), "application/json")));
        ProtoJsonObjects.write(store, ObjectKeys.preparedManifest(project, dataset, 1, "default"), manifest.build());
        return new Written(dataset, 1, "default", test, transform);
    }

    private static byte[] npz(FeatureMatrix matrix) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.add("x", NpyArray.ofFloats(matrix.values(), matrix.shape()));
            npz.add("y", NpyArray.ofInts(matrix.labels()));
        }
        return bytes.toByteArray();
    }

    private static ArtifactRef ref(String role, StoredArtifact stored) {
        return ArtifactRef.newBuilder().setRole(role).setKey(stored.key()).setSha256(stored.sha256())
                .setSizeBytes(stored.size()).build();
    }

    /** The project's own copy first, then the shared copy of the machine this test was written on. */
    private static Path irisCsv() {
        Path found = Stream.of(Path.of("../datasets/iris.csv"), Path.of("../../shared/datasets/iris.csv"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(found != null, "iris.csv is not on this machine (datasets/ or ../shared/datasets/)");
        return found;
    }
}
