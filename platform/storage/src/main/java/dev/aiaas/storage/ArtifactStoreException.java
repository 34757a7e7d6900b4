package dev.aiaas.storage;

/**
 * An artifact store operation failed. The message names the operation and the key; the cause
 * is the underlying S3 or I/O failure.
 */
public class ArtifactStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ArtifactStoreException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    public ArtifactStoreException(String key, String message) {
        this(key, message, null);
    }

    /** The key the failed operation was about, or the prefix for prefix operations. */
    public String key() {
        return key;
    }
}
