package dev.aiaas.preprocess.storage;

import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.interactions.InteractionsJson;
import dev.aiaas.ml.interactions.InteractionsNpz;
import dev.aiaas.ml.npz.NpyArray;
import dev.aiaas.ml.npz.NpzWriter;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.sequence.Windows;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.preprocess.model.PreparedOutput.StoredObject;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
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

    /** Writes windows as one .npz: {@code x} float32 [count, window, features], {@code y} float32 [count, horizon]. */
    public StoredObject writeWindows(String key, Windows windows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.add("x", NpyArray.ofFloats(windows.x(), windows.count(), windows.window(), windows.features()));
            npz.add("y", NpyArray.ofFloats(windows.y(), windows.count(), windows.horizon()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode " + key, e);
        }
        return stored(store.put(key, bytes.toByteArray(), ArtifactStore.BINARY));
    }

    /** Writes a recommender's interactions as one .npz over their index ({@link InteractionsNpz}). */
    public StoredObject writeInteractions(String key, Interactions interactions) {
        return stored(store.put(key, InteractionsNpz.encode(interactions), ArtifactStore.BINARY));
    }

    /** Writes a recommender's id index in the transform's place: users and items in row order. */
    public StoredObject writeIndex(String prefix, IdIndex index) {
        return writeJson(prefix + ObjectKeys.TRANSFORM, InteractionsJson.write(Interactions.none(index)));
    }

    /** Writes the fitted transform, which serving applies to raw requests. */
    public StoredObject writeTransform(String prefix, FittedPipeline fitted) {
        return writeJson(prefix + ObjectKeys.TRANSFORM, FittedPipelineJson.write(fitted));
    }

    /** Writes the profile of the raw training rows, the baseline monitoring measures drift from. */
    public StoredObject writeProfile(String prefix, Table train) {
        return writeJson(prefix + ObjectKeys.PROFILE, FeatureProfileJson.write(FeatureProfile.of(train)));
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
