package dev.aiaas.serving.service;

import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.VersionToServe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The model versions loaded in this process, one copy each however many endpoints serve it.
 * A version is a project's: version numbers count per project, so "iris v1" of two projects are
 * two models, loaded apart and never shared. An endpoint {@link #take takes} a version (loading
 * it if no endpoint holds it yet) and {@link #give gives} it back; the last one to give it back
 * unloads it, after its requests in flight finish. Each loaded version's measured memory is a
 * gauge, {@code aiaas_serving_model_memory_bytes{project,model,version}}.
 */
@ApplicationScoped
public class ModelCache {

    @Inject
    ModelLoader loader;

    @Inject
    MeterRegistry meters;

    /** One loaded (or loading) version and how many endpoints hold it. */
    private static final class Entry {
        final CompletableFuture<ServedModel> model = new CompletableFuture<>();
        int holders;
        Gauge memory;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** The version, loaded and verified, with a hold for the caller; loads it at most once. */
    public ServedModel take(VersionToServe version) {
        String key = key(version);
        Entry entry;
        boolean loads;
        synchronized (this) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            loads = entry.holders++ == 0 && !entry.model.isDone();
        }
        if (loads) {
            load(version, key, entry);
        }
        try {
            return entry.model.join();
        } catch (CompletionException e) {
            synchronized (this) {
                entry.holders--;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private void load(VersionToServe version, String key, Entry entry) {
        try {
            ServedModel model = loader.load(version);
            entry.memory = Gauge.builder("aiaas_serving_model_memory_bytes", model, ServedModel::memoryBytes)
                    .description("Bytes a loaded model version's parameters take in the engine")
                    .baseUnit("bytes")
                    .tag("project", version.project()).tag("model", version.modelName())
                    .tag("version", Long.toString(version.version()))
                    .register(meters);
            entry.model.complete(model);
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            entry.model.completeExceptionally(e);
        }
    }

    /** Gives back a hold taken with {@link #take}; the last one unloads the version. */
    public void give(ServedModel model) {
        String key = key(model.version());
        Entry unloaded = null;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null && --entry.holders == 0) {
                unloaded = entries.remove(key);
            }
        }
        if (unloaded != null) {
            meters.remove(unloaded.memory);
            model.release();
        }
    }

    /** Project, model and number: names cannot hold a '/', so no two versions share a key. */
    private static String key(VersionToServe version) {
        return version.project() + "/" + version.modelName() + "/" + version.version();
    }
}
