package dev.aiaas.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;

/**
 * Model artifacts and data sets in one S3 bucket, each stored encrypted ({@link
 * ArtifactEncryption}: a data key per object, wrapped by the configured {@link
 * KeyEncryptionKeys}) with the SHA-256 of its plaintext (user metadata {@value
 * ArtifactDigest#METADATA_KEY}), and readable with that digest verified. Objects written before
 * encryption (no envelope in their metadata) are read as they are.
 *
 * <p>Uploads stream: nothing is held in memory beyond one part ({@link
 * ArtifactStoreSettings#partSize()}); large and unknown-size objects go up in parts. Failures
 * surface as {@link ArtifactNotFoundException} for a missing key and {@link
 * ArtifactStoreException} for anything else, never as MinIO SDK exceptions. Thread-safe.
 */
public final class ArtifactStore implements AutoCloseable {

    /** Content type for artifacts whose type nobody named. */
    public static final String BINARY = "application/octet-stream";

    private final ArtifactStoreSettings settings;
    private final MinioClient client;
    private final ArtifactEncryption encryption;
    private final ArtifactUpload upload;

    public ArtifactStore(ArtifactStoreSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .build();
        this.encryption = new ArtifactEncryption(settings.keys());
        this.upload = new ArtifactUpload(client, settings, encryption);
    }

    /** Creates the bucket unless it exists. Safe to call on every start. */
    public void ensureBucket() {
        String bucket = settings.bucket();
        S3Failures.translating("create bucket", bucket, () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(settings.region()).build());
                } catch (ErrorResponseException e) {
                    if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) { // created concurrently
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    /**
     * Stores a stream under {@code key}, computing its SHA-256 on the way.
     *
     * @param size        the exact number of bytes in {@code in}, or {@code -1} if unknown
     * @param contentType e.g. {@link #BINARY}
     */
    public StoredArtifact put(String key, InputStream in, long size, String contentType) {
        ArtifactKey.check(key);
        Objects.requireNonNull(in, "in");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or at least 0, was " + size);
        }
        return upload.streaming(key, in, size, contentType);
    }

    /** Stores {@code content} under {@code key} in a single upload. */
    public StoredArtifact put(String key, byte[] content, String contentType) {
        ArtifactKey.check(key);
        String sha256 = ArtifactDigest.sha256Hex(content);
        return upload.withKnownDigest(key, new ByteArrayInputStream(content), content.length, contentType, sha256);
    }

    /** Stores a file under {@code key} as {@link #BINARY}, hashing it first to upload it in one pass. */
    public StoredArtifact put(String key, Path file) {
        ArtifactKey.check(key);
        try {
            long size = Files.size(file);
            String sha256 = ArtifactDigest.sha256Hex(file);
            try (InputStream in = Files.newInputStream(file)) {
                return upload.withKnownDigest(key, in, size, BINARY, sha256);
            }
        } catch (IOException e) {
            throw new ArtifactStoreException(key, "cannot read " + file + " to store it as " + key + ": " + e, e);
        }
    }

    /** The object's content, decrypted but unverified. The caller closes the stream. */
    public InputStream get(String key) {
        ArtifactKey.check(key);
        GetObjectResponse response = S3Failures.translating("get", key, () -> client.getObject(
                GetObjectArgs.builder().bucket(settings.bucket()).object(key).build()));
        Optional<ObjectEnvelope> envelope;
        try {
            envelope = ObjectEnvelope.fromHeaders(key, response.headers()::get);
        } catch (RuntimeException e) {
            closeQuietly(response);
            throw e;
        }
        return envelope.map(found -> encryption.open(key, found, response, 0, true)).orElse(response);
    }

    /** {@code length} bytes of the object starting at {@code offset} (fewer at its end). */
    public InputStream get(String key, long offset, long length) {
        ArtifactKey.check(key);
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("need offset >= 0 and length > 0, got " + offset + ", " + length);
        }
        StatObjectResponse stat = statObject("get", key);
        Optional<ObjectEnvelope> envelope = ObjectEnvelope.fromMetadata(key, stat.userMetadata());
        if (envelope.isEmpty()) {
            return rangeOf(key, offset, length);
        }
        return encryption.openRange(key, envelope.get(), SegmentCipher.plainSize(stat.size()), offset, length,
                (sealedOffset, sealedLength) -> rangeOf(key, sealedOffset, sealedLength));
    }

    /**
     * The object's content, checked against {@code expectedSha256} as it is read: the read that
     * reaches the end throws {@link ArtifactIntegrityException} if the digests differ.
     */
    public InputStream getVerified(String key, String expectedSha256) {
        String expected = ArtifactDigest.normalize(expectedSha256);
        return new VerifyingInputStream(get(key), key, expected);
    }

    /** The whole object, verified; for artifacts small enough to hold in memory. */
    public byte[] readAllVerified(String key, String expectedSha256) {
        try (InputStream in = getVerified(key, expectedSha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw S3Failures.translate("read", key, e);
        }
    }

    /**
     * Downloads the object to {@code target}, verified. The bytes go to a temporary file next
     * to the target, which is moved into place only when the digest matches; on any failure,
     * integrity included, neither that file nor {@code target} is left behind.
     *
     * @return the number of bytes written
     */
    public long downloadVerified(String key, String expectedSha256, Path target) {
        ArtifactDownload download = new ArtifactDownload(key, target);
        try (InputStream in = getVerified(key, expectedSha256)) {
            return download.writeFrom(in);
        } catch (IOException | RuntimeException e) {
            download.discard();
            throw e instanceof IOException io ? S3Failures.translate("download", key, io) : (RuntimeException) e;
        }
    }

    /** The object's size and recorded SHA-256, or empty if there is no object under the key. */
    public Optional<StoredArtifact> stat(String key) {
        ArtifactKey.check(key);
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
            String sha256 = stat.userMetadata().get(ArtifactDigest.METADATA_KEY);
            long size = ObjectEnvelope.fromMetadata(key, stat.userMetadata()).isPresent()
                    ? SegmentCipher.plainSize(stat.size()) : stat.size();
            return Optional.of(new StoredArtifact(key, size, sha256, stat.etag()));
        } catch (Exception e) {
            if (S3Failures.isMissingObject(e)) {
                return Optional.empty();
            }
            throw S3Failures.translate("stat", key, e);
        }
    }

    public boolean exists(String key) {
        return stat(key).isPresent();
    }

    /**
     * Every object whose key starts with {@code prefix} (at any depth), in key order, with the
     * bytes it takes in the bucket (its content and, when encrypted, a 16-byte tag per 64 KiB).
     */
    public List<ArtifactSummary> list(String prefix) {
        List<ArtifactSummary> found = new ArrayList<>();
        for (Item item : listItems(prefix)) {
            if (!item.objectName().startsWith(ArtifactUpload.STAGING_PREFIX)) {
                found.add(new ArtifactSummary(item.objectName(), item.size()));
            }
        }
        return found;
    }

    /** Deletes the object; deleting a missing key is not an error. */
    public void delete(String key) {
        ArtifactKey.check(key);
        S3Failures.translating("delete", key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
            return null;
        });
    }

    /**
     * Deletes every object under {@code prefix} with bulk deletes (1000 keys a request).
     *
     * @param prefix must not be empty: emptying the whole bucket is never what a caller means
     * @return the number of objects deleted
     */
    public int deletePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("deletePrefix needs a non-empty prefix");
        }
        List<DeleteObject> doomed = listItems(prefix).stream().map(item -> new DeleteObject(item.objectName())).toList();
        if (doomed.isEmpty()) {
            return 0;
        }
        Iterable<Result<DeleteError>> results = client.removeObjects(
                RemoveObjectsArgs.builder().bucket(settings.bucket()).objects(doomed).build());
        List<String> failed = new ArrayList<>();
        for (Result<DeleteError> result : results) { // lazy: iterating is what sends the requests
            DeleteError error = S3Failures.translating("delete prefix", prefix, result::get);
            failed.add(error.objectName() + " (" + error.code() + " " + error.message() + ")");
        }
        if (!failed.isEmpty()) {
            throw new ArtifactStoreException(prefix, "cannot delete " + failed.size() + " of " + doomed.size()
                    + " objects under " + prefix + ": " + String.join(", ", failed));
        }
        return doomed.size();
    }

    /**
     * Re-wraps the data key of every object under {@code prefix} that a key-encryption key other
     * than the active one wrapped, so that the old key can be retired. Only metadata changes:
     * each object is copied onto itself by the server, its content untouched. An object written
     * again since it was looked at is not counted (its new envelope is already the active key's).
     *
     * @return the number of objects re-wrapped
     */
    public int rewrap(String prefix) {
        int rewrapped = 0;
        for (ArtifactSummary summary : list(prefix)) {
            String key = summary.key();
            StatObjectResponse stat = statObject("rewrap", key);
            Optional<ObjectEnvelope> envelope = ObjectEnvelope.fromMetadata(key, stat.userMetadata());
            if (envelope.isPresent() && !envelope.get().kekId().equals(settings.keys().activeId())
                    && upload.replaceEnvelope(key, stat, encryption.rewrap(key, envelope.get()))) {
                rewrapped++;
            }
        }
        return rewrapped;
    }

    public ArtifactStoreSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the S3 client: " + e, e);
        }
    }

    private StatObjectResponse statObject(String operation, String key) {
        return S3Failures.translating(operation, key, () -> client.statObject(
                StatObjectArgs.builder().bucket(settings.bucket()).object(key).build()));
    }

    private InputStream rangeOf(String key, long offset, long length) {
        return S3Failures.translating("get", key, () -> client.getObject(GetObjectArgs.builder()
                .bucket(settings.bucket()).object(key).offset(offset).length(length).build()));
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the failure being reported matters more
        }
    }

    private List<Item> listItems(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<Item> items = new ArrayList<>();
        Iterable<Result<Item>> results = client.listObjects(ListObjectsArgs.builder()
                .bucket(settings.bucket()).prefix(prefix).recursive(true).build());
        for (Result<Item> result : results) { // pages are fetched as the iteration goes
            items.add(S3Failures.translating("list", prefix, result::get));
        }
        return items;
    }
}
