package dev.aiaas.storage;

/**
 * The bytes read for an artifact do not have the SHA-256 they were expected to have: the stored
 * object was changed or damaged after it was written. Thrown at the end of a verified read, so
 * a caller that streams must discard what it read.
 */
public class ArtifactIntegrityException extends ArtifactStoreException {

    private static final long serialVersionUID = 1L;

    private final String expectedSha256;
    private final String actualSha256;

    public ArtifactIntegrityException(String key, String expectedSha256, String actualSha256) {
        super(key, "artifact " + key + " is corrupt: expected sha256 " + expectedSha256 + ", got " + actualSha256);
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    /** Bytes that cannot be checked against a digest at all, e.g. ciphertext that does not decrypt. */
    public ArtifactIntegrityException(String key, String message) {
        super(key, message);
        this.expectedSha256 = null;
        this.actualSha256 = null;
    }

    /** The digest the object should have had; {@code null} when it could not be decrypted. */
    public String expectedSha256() {
        return expectedSha256;
    }

    /** The digest of what was read; {@code null} when it could not be decrypted. */
    public String actualSha256() {
        return actualSha256;
    }
}
