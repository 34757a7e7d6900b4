package dev.aiaas.bench;

import dev.aiaas.localstack.Progress;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.storage.ArtifactStore;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the cases need, made through the platform's own parts: each model trained here,
 * its artifacts in the stack's store, registered and deployed on one endpoint per batching
 * mode, loaded again from the same artifacts for the engine baseline, and the served answers
 * checked against the engine's.
 */
final class BenchSetup implements AutoCloseable {

    /** Digits for training, validation, and the held-out rows that requests carry. */
    static final int DIGITS_TRAIN = 4000;
    static final int DIGITS_VALIDATION = 500;
    static final int DIGITS_SAMPLES = 256;

    /**
     * One model, ready on both sides.
     *
     * @param version       its version in the registry
     * @param maxDifference the largest difference between served and engine probabilities found by the check
     */
    record Model(TrainedModel trained, LoadedModel engine, long version, double maxDifference) {
    }

    private final Map<ModelKind, Model> models;

    private BenchSetup(Map<ModelKind, Model> models) {
        this.models = models;
    }

    static BenchSetup prepare(Path datasets, ArtifactStore store, ServedModels served, RunningService serving,
            Progress progress) throws Exception {
        ModelSetup setup = new ModelSetup(store);
        Map<ModelKind, Model> models = new EnumMap<>(ModelKind.class);
        try {
            for (ModelKind kind : ModelKind.values()) {
                long start = System.nanoTime();
                TrainedModel trained = kind == ModelKind.IRIS
                        ? setup.trainAndUpload(kind, BundledData.iris(datasets), ModelSetup.IRIS_PLAN)
                        : setup.trainAndUpload(kind, BundledData.digits(datasets, DIGITS_TRAIN, DIGITS_VALIDATION,
                                DIGITS_SAMPLES), ModelSetup.DIGITS_PLAN);
                progress.step(String.format(Locale.ROOT, "trained %s (%s) in %.1f s; artifacts uploaded", kind.id(),
                        kind.spec().family(), (System.nanoTime() - start) / 1e9));
                long version = served.register(trained);
                for (BatchingMode batching : new BatchingMode[] {BatchingMode.DYNAMIC, BatchingMode.OFF}) {
                    Deployment deployment = served.deploy(kind, batching);
                    progress.step("deployed " + deployment.getEndpoint() + " = " + kind.id() + "@" + ServedModels.ALIAS
                            + " (v" + deployment.getServingVersion() + "), " + deployment.getState());
                }
                LoadedModel engine = setup.loadForEngine(trained);
                double difference = 0;
                try {
                    for (BatchingMode batching : new BatchingMode[] {BatchingMode.DYNAMIC, BatchingMode.OFF}) {
                        difference = Math.max(difference, ServedOutputCheck.check(trained, engine,
                                kind.endpoint(batching), serving));
                    }
                } catch (Exception | Error e) {
                    engine.close();
                    throw e;
                }
                models.put(kind, new Model(trained, engine, version, difference));
                progress.step(String.format(Locale.ROOT, "%s v%d: served answers (gRPC, REST) match the engine's "
                        + "to within %.1e", kind.id(), version, difference));
            }
            return new BenchSetup(models);
        } catch (Exception | Error e) {
            models.values().forEach(m -> m.engine().close());
            throw e;
        }
    }

    TrainedModel trained(ModelKind kind) {
        return models.get(kind).trained();
    }

    LoadedModel engine(ModelKind kind) {
        return models.get(kind).engine();
    }

    Map<ModelKind, Model> models() {
        return models;
    }

    @Override
    public void close() {
        models.values().forEach(m -> m.engine().close());
    }
}
