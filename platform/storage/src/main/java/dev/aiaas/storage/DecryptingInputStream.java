package dev.aiaas.storage;

import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Reads as the plaintext of sealed segments (see {@link SegmentCipher}), checking each segment's
 * tag before giving out any of its bytes. A segment that fails to open — changed, moved, cut
 * short, or not where the object ends — throws {@link ArtifactIntegrityException}. Closing it
 * closes the sealed stream.
 */
final class DecryptingInputStream extends SegmentedInputStream {

    private final SegmentCipher cipher;
    private final String key;
    private final boolean endsWithLastSegment;
    private long nextIndex;

    /**
     * @param firstIndex          the index of the segment {@code sealed} starts with
     * @param endsWithLastSegment whether {@code sealed} runs to the object's end (false for a
     *                            range that stops before it)
     */
    DecryptingInputStream(InputStream sealed, SegmentCipher cipher, String key, long firstIndex,
            boolean endsWithLastSegment) {
        super(sealed, SegmentCipher.SEALED_SEGMENT_BYTES, SegmentCipher.SEGMENT_BYTES);
        this.cipher = cipher;
        this.key = key;
        this.nextIndex = firstIndex;
        this.endsWithLastSegment = endsWithLastSegment;
    }

    @Override
    int transform(byte[] sealed, int length, boolean last, byte[] plain) {
        long index = nextIndex++;
        if (length < SegmentCipher.TAG_BYTES) {
            throw new ArtifactIntegrityException(key, "artifact " + key + " is cut short: segment " + index
                    + " has " + length + " bytes, fewer than its tag");
        }
        try {
            return cipher.open(index, last && endsWithLastSegment, sealed, length, plain);
        } catch (GeneralSecurityException e) {
            throw new ArtifactIntegrityException(key, "artifact " + key + " does not decrypt: segment " + index
                    + " was changed, moved or cut off (" + e.getClass().getSimpleName() + ")");
        }
    }
}
