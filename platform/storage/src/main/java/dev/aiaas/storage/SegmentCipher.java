package dev.aiaas.storage;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One object's content encryption: the plaintext cut into segments of {@value #SEGMENT_BYTES}
 * bytes, each sealed with AES-256-GCM under the object's own data key and followed by its
 * {@value #TAG_BYTES}-byte tag. Segments can be decrypted on their own, so a range read fetches
 * only the segments it covers.
 *
 * <p>A segment's nonce is its index and a flag marking the last segment: segments cannot be
 * reordered, and an object cut short at a segment boundary fails to decrypt instead of reading
 * as a shorter one. An empty object is one empty last segment (its tag alone). The data key is
 * random per object, so a nonce never repeats under a key. Not thread-safe: one per stream.
 */
final class SegmentCipher {

    /** Plaintext bytes per segment. */
    static final int SEGMENT_BYTES = 64 * 1024;
    /** Bytes the tag adds to every segment. */
    static final int TAG_BYTES = 16;
    /** Bytes of one full segment as stored. */
    static final int SEALED_SEGMENT_BYTES = SEGMENT_BYTES + TAG_BYTES;

    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec dataKey;
    private final Cipher cipher;

    SegmentCipher(byte[] dataKey) {
        this.dataKey = new SecretKeySpec(dataKey, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot run AES-GCM: " + e, e);
        }
    }

    /** Stored size of {@code plainBytes} of content. */
    static long sealedSize(long plainBytes) {
        return plainBytes + TAG_BYTES * segments(plainBytes);
    }

    /** Content size of an object stored as {@code sealedBytes}. */
    static long plainSize(long sealedBytes) {
        long segments = Math.max(1, (sealedBytes + SEALED_SEGMENT_BYTES - 1) / SEALED_SEGMENT_BYTES);
        return Math.max(0, sealedBytes - TAG_BYTES * segments);
    }

    /** Number of segments of {@code plainBytes} of content (an empty object has one). */
    static long segments(long plainBytes) {
        return Math.max(1, (plainBytes + SEGMENT_BYTES - 1) / SEGMENT_BYTES);
    }

    /** Seals {@code length} plaintext bytes as segment {@code index}; writes length + tag bytes to {@code out}. */
    int seal(long index, boolean last, byte[] in, int length, byte[] out) throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, dataKey, nonce(index, last));
        return cipher.doFinal(in, 0, length, out, 0);
    }

    /**
     * Opens sealed segment {@code index} of {@code length} bytes (tag included) into {@code out}.
     *
     * @throws GeneralSecurityException if the segment was changed, moved, cut, or is not the
     *                                  last one when {@code last} says it is (or the reverse)
     */
    int open(long index, boolean last, byte[] in, int length, byte[] out) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, dataKey, nonce(index, last));
        return cipher.doFinal(in, 0, length, out, 0);
    }

    private static GCMParameterSpec nonce(long index, boolean last) {
        if (index < 0 || index > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("segment index out of range: " + index);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        nonce[7] = (byte) (index >>> 24);
        nonce[8] = (byte) (index >>> 16);
        nonce[9] = (byte) (index >>> 8);
        nonce[10] = (byte) index;
        nonce[11] = (byte) (last ? 1 : 0);
        return new GCMParameterSpec(TAG_BYTES * 8, nonce);
    }
}
