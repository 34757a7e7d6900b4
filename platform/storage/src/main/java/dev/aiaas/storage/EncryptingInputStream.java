package dev.aiaas.storage;

import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Reads as the sealed form of the plaintext it reads from: segment by segment (see {@link
 * SegmentCipher}), one segment in memory at a time. Closing it closes the plaintext.
 */
final class EncryptingInputStream extends SegmentedInputStream {

    private final SegmentCipher cipher;
    private long nextIndex;

    EncryptingInputStream(InputStream plain, SegmentCipher cipher) {
        super(plain, SegmentCipher.SEGMENT_BYTES, SegmentCipher.SEALED_SEGMENT_BYTES);
        this.cipher = cipher;
    }

    @Override
    int transform(byte[] plain, int length, boolean last, byte[] sealed) {
        try {
            return cipher.seal(nextIndex++, last, plain, length, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused to encrypt a segment: " + e, e);
        }
    }
}
