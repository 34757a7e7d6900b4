package dev.aiaas.registry.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.registry.model.ModelFile;
import dev.aiaas.registry.model.ModelVersion;
import dev.aiaas.registry.storage.UploadSpool;
import java.nio.ByteBuffer;
import org.jboss.logging.Logger;

/**
 * One model file being received: its bytes go to a spool file as they arrive, never more than
 * the header announced; finishing checks them against the header before anything is stored.
 * Closing it (which finishing does too) deletes the spool file and frees the upload's slot.
 *
 * <p>Not thread-safe: the stream that receives it calls it in order.
 */
public final class ModelUpload implements AutoCloseable {

    /** How often a long upload says how far it got. */
    private static final long PROGRESS_STEP = 256L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ModelUpload.class);

    private final ModelUploads uploads;
    private final String project;
    private final ModelFile file;
    private final UploadSpool spool;
    private final UploadSlots.Slot slot;

    ModelUpload(ModelUploads uploads, String project, ModelFile file, UploadSpool spool, UploadSlots.Slot slot) {
        this.uploads = uploads;
        this.project = project;
        this.file = file;
        this.spool = spool;
        this.slot = slot;
    }

    /**
     * Takes the next bytes of the file.
     *
     * @throws DomainException INVALID_ARGUMENT for a chunk over {@link ModelUploads#MAX_CHUNK_BYTES},
     *                         DATA_LOSS as soon as the bytes exceed the header's size
     */
    public void accept(ByteBuffer chunk) {
        int length = chunk.remaining();
        if (length > ModelUploads.MAX_CHUNK_BYTES) {
            throw DomainException.invalid("a chunk of " + length + " bytes is over the " + ModelUploads.MAX_CHUNK_BYTES
                    + " one message may carry: send the file in chunks of at most 4 MiB");
        }
        long before = spool.count();
        if (before + length > file.sizeBytes()) {
            throw DomainException.dataLoss("received more than the " + file.sizeBytes() + " bytes the header says the"
                    + " file has: check size_bytes and upload again", null);
        }
        spool.write(chunk);
        if (before / PROGRESS_STEP != spool.count() / PROGRESS_STEP) {
            LOG.infof("model %s (project %s): %d of %d bytes received", file.modelName(), project, spool.count(),
                    file.sizeBytes());
        }
    }

    /**
     * Ends the upload: when the bytes received have the header's size and SHA-256, stores them
     * and registers the model's next version; otherwise stores nothing.
     *
     * @throws DomainException DATA_LOSS when the bytes do not match the header
     */
    public ModelVersion finish() {
        try {
            UploadSpool.SpooledFile spooled = spool.finish();
            if (spooled.size() != file.sizeBytes() || !spooled.sha256().equals(file.sha256())) {
                throw DomainException.dataLoss("received " + spooled.size() + " bytes with SHA-256 " + spooled.sha256()
                        + ", the header says " + file.sizeBytes() + " bytes with SHA-256 " + file.sha256()
                        + ": nothing was registered; upload again", null);
            }
            return uploads.storeAndRegister(project, file, spooled);
        } finally {
            close();
        }
    }

    /** Abandons the upload (or cleans up after {@link #finish}): deletes the spool file, frees the slot. */
    @Override
    public void close() {
        try {
            spool.close();
        } finally {
            slot.close();
        }
    }
}
