package dev.aiaas.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A download that becomes visible at its target only once complete: bytes go to a temporary
 * file beside the target, which is moved into place at the end.
 */
final class ArtifactDownload {

    private final String key;
    private final Path target;
    private Path partial;

    ArtifactDownload(String key, Path target) {
        this.key = key;
        this.target = target.toAbsolutePath();
    }

    /** Copies {@code in} to its end into the target and returns the byte count. */
    long writeFrom(InputStream in) throws IOException {
        Files.createDirectories(target.getParent());
        partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        long written = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return written;
    }

    /**
     * Removes the partial file and the target, so that a failed download leaves nothing a
     * caller could mistake for the artifact.
     */
    void discard() {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new ArtifactStoreException(key, "download of " + key + " failed and " + target
                    + " could not be removed: " + e, e);
        }
    }
}
