package dev.aiaas.storage;

import java.io.InputStream;

/**
 * Streams an artifact and, when the last byte has been read, checks its SHA-256 against the
 * expected one. A mismatch throws {@link ArtifactIntegrityException} from the read that reaches
 * the end (and from every read after it), so a consumer that reads to the end cannot mistake
 * damaged bytes for good ones. A stream closed before its end is not verified.
 */
final class VerifyingInputStream extends DigestingInputStream {

    private final String key;
    private final String expectedSha256;
    private ArtifactIntegrityException failure;
    private boolean verified;

    VerifyingInputStream(InputStream source, String key, String expectedSha256) {
        super(source);
        this.key = key;
        this.expectedSha256 = ArtifactDigest.normalize(expectedSha256);
    }

    @Override
    void atEnd() {
        if (failure != null) {
            throw failure;
        }
        if (verified) {
            return;
        }
        String actual = sha256Hex();
        if (!actual.equals(expectedSha256)) {
            failure = new ArtifactIntegrityException(key, expectedSha256, actual);
            throw failure;
        }
        verified = true;
    }
}
