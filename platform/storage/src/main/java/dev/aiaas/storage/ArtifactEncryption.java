package dev.aiaas.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Envelope encryption of the store's objects: every object gets a random AES-256 data key that
 * encrypts its content ({@link SegmentCipher}) and is kept, wrapped by a key-encryption key,
 * in the object's metadata ({@link ObjectEnvelope}). A copy of the bucket without the
 * key-encryption keys yields no content.
 */
final class ArtifactEncryption {

    /** An object's content on its way to the store, and the envelope to store with it. */
    record Sealing(ObjectEnvelope envelope, InputStream sealed) {
    }

    private final KeyEncryptionKeys keys;

    ArtifactEncryption(KeyEncryptionKeys keys) {
        this.keys = keys;
    }

    /** Encrypts {@code plain} as it is read, for the object under {@code key}. */
    Sealing seal(String key, InputStream plain) {
        byte[] dataKey = KeyEncryptionKeys.randomBytes(KeyEncryptionKeys.KEY_BYTES);
        try {
            ObjectEnvelope envelope = new ObjectEnvelope(keys.activeId(), keys.wrap(dataKey, key));
            return new Sealing(envelope, new EncryptingInputStream(plain, new SegmentCipher(dataKey)));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts {@code sealed}, which starts at segment {@code firstIndex} of the object under {@code key}.
     *
     * @param endsWithLastSegment whether {@code sealed} runs to the object's end
     */
    InputStream open(String key, ObjectEnvelope envelope, InputStream sealed, long firstIndex,
            boolean endsWithLastSegment) {
        return new DecryptingInputStream(sealed, new SegmentCipher(dataKey(key, envelope)), key, firstIndex,
                endsWithLastSegment);
    }

    /** Fetches {@code length} stored bytes of an object from {@code offset}. */
    @FunctionalInterface
    interface RangeFetch {
        InputStream fetch(long offset, long length);
    }

    /**
     * {@code length} bytes of content from {@code offset} (fewer at its end), fetching and
     * decrypting only the segments that hold them.
     *
     * @param plainSize the content's size
     */
    InputStream openRange(String key, ObjectEnvelope envelope, long plainSize, long offset, long length,
            RangeFetch fetch) {
        if (offset >= plainSize) {
            return InputStream.nullInputStream();
        }
        long end = Math.min(plainSize, offset + length); // exclusive
        long first = offset / SegmentCipher.SEGMENT_BYTES;
        long last = (end - 1) / SegmentCipher.SEGMENT_BYTES;
        boolean endsWithLastSegment = last == SegmentCipher.segments(plainSize) - 1;
        InputStream sealed = fetch.fetch(first * SegmentCipher.SEALED_SEGMENT_BYTES,
                (last - first + 1) * SegmentCipher.SEALED_SEGMENT_BYTES);
        InputStream plain = open(key, envelope, sealed, first, endsWithLastSegment);
        try {
            plain.skipNBytes(offset - first * SegmentCipher.SEGMENT_BYTES);
        } catch (IOException e) {
            ArtifactStore.closeQuietly(plain);
            throw S3Failures.translate("get", key, e);
        }
        return new BoundedInputStream(plain, end - offset);
    }

    /** The same data key wrapped by the active key-encryption key; the content stays as it is. */
    ObjectEnvelope rewrap(String key, ObjectEnvelope envelope) {
        byte[] dataKey = dataKey(key, envelope);
        try {
            return new ObjectEnvelope(keys.activeId(), keys.wrap(dataKey, key));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    KeyEncryptionKeys keys() {
        return keys;
    }

    private byte[] dataKey(String key, ObjectEnvelope envelope) {
        if (!keys.has(envelope.kekId())) {
            throw new ArtifactStoreException(key, key + " was encrypted with key-encryption key " + envelope.kekId()
                    + ", which is not among the configured keys " + keys.ids() + ": add it back after the active one");
        }
        try {
            return keys.unwrap(envelope.kekId(), envelope.wrappedKey(), key);
        } catch (GeneralSecurityException e) {
            throw new ArtifactIntegrityException(key, "artifact " + key + " has a data key that key-encryption key "
                    + envelope.kekId() + " did not wrap for it: its metadata was changed or copied from another object");
        }
    }
}
