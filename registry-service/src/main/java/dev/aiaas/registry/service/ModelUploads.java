package dev.aiaas.registry.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.registry.config.RegistryConfig;
import dev.aiaas.registry.model.ArtifactEntry;
import dev.aiaas.registry.model.Lineage;
import dev.aiaas.registry.model.ModelFile;
import dev.aiaas.registry.model.ModelVersion;
import dev.aiaas.registry.model.NewModelVersion;
import dev.aiaas.registry.storage.UploadSpool;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ArtifactStoreException;
import dev.aiaas.storage.ObjectKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Model files made elsewhere (TorchScript, ONNX) registered as versions: an upload is checked
 * on its header, received into a spool file ({@link ModelUpload}), and, once its bytes have the
 * header's size and digest, stored in the object store and registered exactly as a trained
 * version is ({@link ModelRegistry#createVersion}: same rules, events and project scoping).
 * Nothing is stored before the bytes are verified, so a refused, failed or abandoned upload
 * leaves nothing behind.
 */
@ApplicationScoped
public class ModelUploads {

    /** The most file bytes one message of the stream may carry. */
    public static final int MAX_CHUNK_BYTES = 4 * 1024 * 1024;

    /** Lineage's code version for a model trained elsewhere. */
    static final String CODE_VERSION = "uploaded";

    /** The artifact role of the model file. */
    static final String ARTIFACT_ROLE = "model";

    private static final Logger LOG = Logger.getLogger(ModelUploads.class);

    @Inject
    ModelRegistry registry;

    @Inject
    ArtifactStore store;

    @Inject
    RegistryConfig config;

    private UploadSlots slots;

    @PostConstruct
    void createSlots() {
        slots = new UploadSlots(config.upload().maxConcurrent());
    }

    /**
     * Starts receiving a model file into {@code project}. The caller hands it the file's bytes
     * and then finishes or closes it.
     *
     * @throws DomainException INVALID_ARGUMENT for a header that breaks {@link ModelFileRules},
     *                         RESOURCE_EXHAUSTED when the registry receives as many uploads as it takes
     */
    public ModelUpload begin(String project, ModelFile file) {
        ModelFileRules.check(file, config.upload().maxBytes());
        UploadSlots.Slot slot = slots.take();
        try {
            ModelUpload upload = new ModelUpload(this, project, file, UploadSpool.create(config.upload().spoolDirectory()),
                    slot);
            LOG.infof("receiving a %s file of %d bytes for model %s (project %s)", file.format(), file.sizeBytes(),
                    file.modelName(), project);
            return upload;
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /** Stores a verified file and registers it as the model's next version. */
    ModelVersion storeAndRegister(String project, ModelFile file, UploadSpool.SpooledFile spooled) {
        String key = ObjectKeys.modelArtifacts(project, file.modelName(), "upload-" + UUID.randomUUID())
                + file.format().fileName();
        try {
            store.put(key, spooled.path());
        } catch (ArtifactStoreException e) {
            deleteQuietly(key);
            throw DomainException.unavailable("the object store did not take the model file: upload again later", e);
        }
        try {
            ModelVersion version = registry.createVersion(project, newVersion(file, key));
            LOG.infof("model %s version %d (project %s) is the uploaded %s file %s", file.modelName(),
                    version.version(), project, file.format(), key);
            return version;
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
    }

    private static NewModelVersion newVersion(ModelFile file, String key) {
        return new NewModelVersion(file.modelName(), file.format().family(), file.description(), file.tags(),
                file.signatureJson(), file.metrics(), new Lineage("", 0, "", "", CODE_VERSION),
                List.of(new ArtifactEntry(ARTIFACT_ROLE, key, file.sha256(), file.sizeBytes())));
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("cannot delete %s, the object of an upload that was not registered (%s); nothing refers to it",
                    key, e.getMessage());
        }
    }
}
