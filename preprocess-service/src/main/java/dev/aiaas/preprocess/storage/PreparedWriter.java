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

    /**
     * Writes {@code x} (float32, [rows, …shape]) and {@code y} as one .npz: int64 class indices
     * for classification, float32 targets [rows] for regression.
     */
    public StoredObject writeSplit(String key, FeatureMatrix matrix) {
        long[] shape = matrix.shape();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.add("x", NpyArray.ofFloats(matrix.values(), shape));
            npz.add("y", labels(matrix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + key, e);
        }
        return stored(store.put(key, bytes.toByteArray(), ArtifactStore.BINARY));
    }

    private static NpyArray labels(FeatureMatrix matrix) {
        if (matrix.hasTargets()) {
            return NpyArray.ofFloats(matrix.targets(), matrix.rowCount());
        }
        long[] y = Arrays.stream(matrix.hasLabels() ? matrix.labels() : new int[0]).asLongStream().toArray();
        return NpyArray.ofLongs(y, y.length);
    }

    public StoredObject writeJson(String key, String json) {
        return stored(store.put(key, json.getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    private static StoredObject stored(StoredArtifact artifact) {
        return new StoredObject(artifact.key(), artifact.sha256(), artifact.size());
    }
}
