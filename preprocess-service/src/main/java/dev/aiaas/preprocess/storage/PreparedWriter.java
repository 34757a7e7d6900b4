package dev.aiaas.preprocess.storage;

import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzWriter;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.preprocess.model.PreparedOutput.StoredObject;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes a prepared dataset's files to the object store, each with its SHA-256. */
@ApplicationScoped
public class PreparedWriter {

    @Inject
    ArtifactStore store;

    /** Writes {@code x} (float32, [rows, …shape]) and {@code y} (int64 labels) as one .npz. */
    public StoredObject writeSplit(String key, FeatureMatrix matrix) {
        long[] shape = matrix.shape();
        int[] labels = matrix.hasLabels() ? matrix.labels() : new int[0];
        long[] y = Arrays.stream(labels).asLongStream().toArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.add("x", NpyArray.ofFloats(matrix.values(), shape));
            npz.add("y", NpyArray.ofLongs(y, y.length));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + key, e);
        }
        return stored(store.put(key, bytes.toByteArray(), ArtifactStore.BINARY));
    }

    public StoredObject writeJson(String key, String json) {
        return stored(store.put(key, json.getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    private static StoredObject stored(StoredArtifact artifact) {
        return new StoredObject(artifact.key(), artifact.sha256(), artifact.size());
    }
}
