package dev.aiaas.preprocess;

import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzReader;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.storage.ArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads what a preparation wrote back from the store, verified, for tests to look at. */
final class PreparedFiles {

    private PreparedFiles() {
    }

    /** The arrays ({@code x}, {@code y}) of split {@code split} (0 train, 1 validation, 2 test). */
    static Map<String, NpyArray> tensors(ArtifactStore store, PreparedDataset prepared, int split) throws IOException {
        var ref = prepared.getSplits(split).getTensors();
        return NpzReader.read(new ByteArrayInputStream(store.readAllVerified(ref.getKey(), ref.getSha256())));
    }

    /** The fitted transform serving would apply. */
    static FittedPipeline transform(ArtifactStore store, PreparedDataset prepared) {
        return FittedPipelineJson.read(new String(store.readAllVerified(prepared.getTransform().getKey(),
                prepared.getTransform().getSha256()), StandardCharsets.UTF_8));
    }

    /** The mean of one feature over the rows of a {@code [rows, features]} array. */
    static double columnMean(NpyArray x, int column) {
        float[] values = x.floats();
        int width = (int) x.shape()[1];
        double sum = 0;
        for (int i = column; i < values.length; i += width) {
            sum += values[i];
        }
        return sum / (values.length / width);
    }
}
