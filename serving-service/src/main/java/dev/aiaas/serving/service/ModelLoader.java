package dev.aiaas.serving.service;

import ai.djl.Device;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelSpecJson;
import dev.aiaas.serving.model.ArtifactFile;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.VersionToServe;
import dev.aiaas.storage.ArtifactIntegrityException;
import dev.aiaas.storage.ArtifactNotFoundException;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.serving.config.ServingConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Loads a model version for serving: every artifact is read verified against the SHA-256
 * the registry recorded, the network is rebuilt from its spec, and one prediction warms it
 * up before it may take traffic.
 */
@ApplicationScoped
public class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    @Inject
    ArtifactStore store;

    @Inject
    ServingConfig config;

    /** Before the engine starts: every thread's PyTorch intra-op pool gets this size. */
    @PostConstruct
    void engineThreads() {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.engineThreads()));
    }

    public ServedModel load(VersionToServe version) {
        long started = System.nanoTime();
        try {
            ModelSpec spec = ModelSpecJson.read(text(version, "model-spec"));
            var transform = FittedPipelineJson.read(text(version, "transform"));
            LoadedModel model = LoadedModel.load(spec,
                    new ByteArrayInputStream(bytes(version, "parameters")), Device.cpu());
            model.predictProbabilities(new float[spec.inputSize()], 1); // warm-up
            LOG.infof("loaded %s/%s v%d in %d ms", version.project(), version.modelName(), version.version(),
                    (System.nanoTime() - started) / 1_000_000);
            return new ServedModel(version, model, transform, version.artifact("profile").orElse(null),
                    model.parameterBytes());
        } catch (ArtifactIntegrityException e) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " failed verification and was not loaded: " + e.getMessage());
        } catch (ArtifactNotFoundException e) {
            throw DomainException.failedPrecondition(version.modelName() + " v" + version.version()
                    + " names an artifact the store does not have: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.failedPrecondition("could not load " + version.modelName() + " v"
                    + version.version() + ": " + e.getMessage());
        }
    }

    private String text(VersionToServe version, String role) {
        return new String(bytes(version, role), StandardCharsets.UTF_8);
    }

    private byte[] bytes(VersionToServe version, String role) {
        ArtifactFile file = version.artifact(role).orElseThrow(() -> DomainException.failedPrecondition(
                version.modelName() + " v" + version.version() + " has no '" + role + "' artifact: it cannot be served"));
        return store.readAllVerified(file.key(), file.sha256());
    }
}
