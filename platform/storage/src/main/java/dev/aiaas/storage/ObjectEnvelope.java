package dev.aiaas.storage;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How one object is encrypted, as its user metadata records it: the format, the id of the
 * key-encryption key that wrapped its data key, and the wrapped data key. An object without it
 * was written before encryption at rest and is read as it is.
 *
 * @param kekId      which key-encryption key wrapped the data key
 * @param wrappedKey the data key, wrapped
 */
record ObjectEnvelope(String kekId, byte[] wrappedKey) {

    /** The one format written today: AES-256-GCM in 64 KiB segments ({@link SegmentCipher}). */
    static final String FORMAT = "aes-256-gcm-64k";
    static final String FORMAT_KEY = "aiaas-encryption";
    static final String KEK_KEY = "aiaas-kek";
    static final String DATA_KEY_KEY = "aiaas-data-key";
    /** How S3 sends user metadata back in the headers of a GET. */
    static final String HEADER_PREFIX = "x-amz-meta-";

    /** The envelope in user metadata (keys without {@link #HEADER_PREFIX}), if the object has one. */
    static Optional<ObjectEnvelope> fromMetadata(String key, Map<String, String> metadata) {
        return read(key, name -> metadata.get(name));
    }

    /** The envelope in the headers of a GET ({@code lookup} is case-insensitive), if the object has one. */
    static Optional<ObjectEnvelope> fromHeaders(String key, UnaryOperator<String> header) {
        return read(key, name -> header.apply(HEADER_PREFIX + name));
    }

    Map<String, String> metadata() {
        return Map.of(FORMAT_KEY, FORMAT, KEK_KEY, kekId, DATA_KEY_KEY, Base64.getEncoder().encodeToString(wrappedKey));
    }

    private static Optional<ObjectEnvelope> read(String key, UnaryOperator<String> field) {
        String format = field.apply(FORMAT_KEY);
        if (format == null) {
            return Optional.empty();
        }
        if (!FORMAT.equals(format)) {
            throw new ArtifactStoreException(key, key + " is encrypted as " + format + ", which this version cannot "
                    + "read (it reads " + FORMAT + ")");
        }
        String kek = field.apply(KEK_KEY);
        String wrapped = field.apply(DATA_KEY_KEY);
        if (kek == null || wrapped == null) {
            throw new ArtifactIntegrityException(key, "artifact " + key + " is encrypted but its metadata lacks "
                    + (kek == null ? KEK_KEY : DATA_KEY_KEY));
        }
        try {
            return Optional.of(new ObjectEnvelope(kek, Base64.getDecoder().decode(wrapped)));
        } catch (IllegalArgumentException e) {
            throw new ArtifactIntegrityException(key, "artifact " + key + " has a wrapped data key that is not base64");
        }
    }
}
