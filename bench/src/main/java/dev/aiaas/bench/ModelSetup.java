package dev.aiaas.bench;

import ai.djl.Device;
import dev.aiaas.errors.Projects;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.models.ModelTrainer;
import dev.aiaas.models.TrainingPlan;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.StoredArtifact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains a model in this JVM as a training job would (the platform's {@link ModelTrainer}),
 * writes its artifacts to the stack's object store with their SHA-256, and loads the very same
 * stored artifacts back into a {@link LoadedModel} for the engine baseline, exactly as the
 * serving service's loader does.
 */
final class ModelSetup {

    /** Iris: 30 epochs take about a second; accuracy does not matter here, the shapes do. */
    static final TrainingPlan IRIS_PLAN = new TrainingPlan(30, 16, 0.01, 3, DevicePreference.CPU);
    /** Digits: 2 epochs over 4,000 images. */
    static final TrainingPlan DIGITS_PLAN = new TrainingPlan(2, 64, 0.005, 1, DevicePreference.CPU);

    private final ArtifactStore store;

    ModelSetup(ArtifactStore store) {
        this.store = store;
    }

    TrainedModel trainAndUpload(ModelKind kind, BundledData.Prepared data, TrainingPlan plan) throws IOException {
        ModelSpec spec = kind.spec();
        try (LoadedModel model = new ModelTrainer().train(spec, plan, data.train(), data.validation(), report -> { },
                () -> false)) {
            Path folder = Files.createTempDirectory("aiaas-bench-" + kind.id());
            Path params = model.saveParameters(folder.resolve("params"));
            String prefix = ObjectKeys.modelArtifacts(Projects.DEFAULT, kind.id(), "bench");
            List<ArtifactRef> artifacts = List.of(
                    ref("parameters", store.put(prefix + ObjectKeys.MODEL_PARAMETERS, params)),
                    ref("model-spec", store.put(prefix + ObjectKeys.MODEL_SPEC, utf8(ModelSpecJson.write(spec)),
                            "application/json")),
                    ref("transform", store.put(prefix + ObjectKeys.TRANSFORM, utf8(FittedPipelineJson.write(data.transform())),
                            "application/json")),
                    ref("profile", store.put(prefix + ObjectKeys.PROFILE,
                            utf8(FeatureProfileJson.write(FeatureProfile.of(data.trainTable()))), "application/json")));
            Files.deleteIfExists(params);
            Files.deleteIfExists(params.getParent());
            Files.deleteIfExists(folder);
            return new TrainedModel(kind, artifacts, data.samples(), data.sampleRows());
        }
    }

    /** The stored spec and parameters, read back verified, in a model ready to predict. */
    LoadedModel loadForEngine(TrainedModel trained) throws IOException {
        ArtifactRef specRef = trained.artifact("model-spec");
        ArtifactRef paramsRef = trained.artifact("parameters");
        ModelSpec spec = ModelSpecJson.read(new String(store.readAllVerified(specRef.getKey(), specRef.getSha256()),
                StandardCharsets.UTF_8));
        LoadedModel model = LoadedModel.load(spec,
                new ByteArrayInputStream(store.readAllVerified(paramsRef.getKey(), paramsRef.getSha256())), Device.cpu());
        model.predictProbabilities(new float[spec.inputSize()], 1); // the same warm-up the server does
        return model;
    }

    private static ArtifactRef ref(String role, StoredArtifact stored) {
        return ArtifactRef.newBuilder().setRole(role).setKey(stored.key()).setSha256(stored.sha256())
                .setSizeBytes(stored.size()).build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
