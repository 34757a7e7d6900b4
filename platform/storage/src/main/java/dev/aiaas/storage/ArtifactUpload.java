package dev.aiaas.storage;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;

/**
 * Writes an object encrypted ({@link ArtifactEncryption}) together with its {@code sha256}
 * metadata (over the plaintext) and its envelope, so that no reader ever sees an object under its
 * key without the digest that describes it and the wrapped key that opens it.
 *
 * <p>S3 takes metadata before the body, but a stream's digest is known only after its last
 * byte. When the digest is known in advance the object is written in one upload; otherwise it
 * is uploaded under a staging key while it is digested, then copied server-side to its key with
 * the digest as metadata, and the staging object is deleted. The server-side copy limits such
 * uploads to 5 GiB (S3Proxy does not support multipart copies).
 */
final class ArtifactUpload {

    /** Keys under this prefix are in-flight uploads; listings leave them out. */
    static final String STAGING_PREFIX = "_staging/";

    private final MinioClient client;
    private final ArtifactStoreSettings settings;
    private final ArtifactEncryption encryption;

    ArtifactUpload(MinioClient client, ArtifactStoreSettings settings, ArtifactEncryption encryption) {
        this.client = client;
        this.settings = settings;
        this.encryption = encryption;
    }

    /**
     * Uploads a stream whose SHA-256 is already known, checking while it goes that the bytes
     * really have that digest (a file changed between hashing and uploading does not).
     */
    StoredArtifact withKnownDigest(String key, InputStream in, long size, String contentType, String sha256) {
        DigestingInputStream digesting = new DigestingInputStream(in);
        ArtifactEncryption.Sealing sealing = encryption.seal(key, digesting);
        ObjectWriteResponse written = S3Failures.translating("put", key, () -> client.putObject(
                putArgs(key, sealing.sealed(), SegmentCipher.sealedSize(size), contentType)
                        .userMetadata(metadata(sha256, sealing.envelope())).build()));
        String actual = digesting.sha256Hex();
        if (!actual.equals(sha256)) {
            S3Failures.translating("delete", key, () -> {
                client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
                return null;
            });
            throw new ArtifactStoreException(key, "content of " + key + " changed while it was uploaded: hashed "
                    + sha256 + " before, sent " + actual + "; nothing was stored");
        }
        return new StoredArtifact(key, digesting.count(), sha256, written.etag());
    }

    /** Uploads a stream of known or unknown ({@code -1}) size, digesting it on the way. */
    StoredArtifact streaming(String key, InputStream in, long size, String contentType) {
        String staging = STAGING_PREFIX + UUID.randomUUID();
        DigestingInputStream digesting = new DigestingInputStream(in);
        ArtifactEncryption.Sealing sealing = encryption.seal(key, digesting);
        long sealedSize = size == -1 ? -1 : SegmentCipher.sealedSize(size);
        try {
            S3Failures.translating("put", key, () -> client.putObject(
                    putArgs(staging, sealing.sealed(), sealedSize, contentType).build()));
            String sha256 = digesting.sha256Hex();
            ObjectWriteResponse copied = S3Failures.translating("put", key, () -> client.copyObject(
                    CopyObjectArgs.builder()
                            .bucket(settings.bucket())
                            .object(key)
                            .source(CopySource.builder().bucket(settings.bucket()).object(staging).build())
                            .metadataDirective(Directive.REPLACE)
                            .headers(Map.of("Content-Type", contentType))
                            .userMetadata(metadata(sha256, sealing.envelope()))
                            .build()));
            return new StoredArtifact(key, digesting.count(), sha256, copied.etag());
        } finally {
            removeStaging(staging);
        }
    }

    private PutObjectArgs.Builder putArgs(String object, InputStream in, long size, String contentType) {
        return PutObjectArgs.builder()
                .bucket(settings.bucket())
                .object(object)
                .stream(in, size, settings.partSize())
                .contentType(contentType);
    }

    private void removeStaging(String staging) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(staging).build());
        } catch (Exception e) {
            // A leftover staging object wastes space but breaks nothing; the upload's own
            // outcome is what the caller needs to hear about.
        }
    }

    /**
     * Gives the object under {@code key} the envelope {@code rewrapped}: a server-side copy onto
     * itself, made only if the object is still the one {@code stat} describes.
     *
     * @return false when it was written again in between (and so left as it is)
     */
    boolean replaceEnvelope(String key, StatObjectResponse stat, ObjectEnvelope rewrapped) {
        try {
            client.copyObject(CopyObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .source(CopySource.builder().bucket(settings.bucket()).object(key).matchETag(stat.etag()).build())
                    .metadataDirective(Directive.REPLACE)
                    .headers(Map.of("Content-Type", stat.contentType()))
                    .userMetadata(metadata(stat.userMetadata().get(ArtifactDigest.METADATA_KEY), rewrapped))
                    .build());
            return true;
        } catch (ErrorResponseException e) {
            if ("PreconditionFailed".equals(e.errorResponse().code())) {
                return false;
            }
            throw S3Failures.translate("rewrap", key, e);
        } catch (Exception e) {
            throw S3Failures.translate("rewrap", key, e);
        }
    }

    private static Map<String, String> metadata(String sha256, ObjectEnvelope envelope) {
        Map<String, String> metadata = new HashMap<>(envelope.metadata());
        metadata.put(ArtifactDigest.METADATA_KEY, sha256);
        return metadata;
    }
}
