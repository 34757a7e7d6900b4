package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What reaches the bucket, read behind the store's back with the bucket's own credentials. */
class EncryptedArtifactTest {

    private static final byte[] RECORD = "{\"patient\":\"Ada Lovelace\",\"diagnosis\":\"healthy\"}\n"
            .repeat(3000).getBytes(StandardCharsets.UTF_8);
    private static final int SEGMENT = SegmentCipher.SEGMENT_BYTES;

    private static ArtifactStore store;
    private static MinioClient raw;
    private static String prefix;

    @BeforeAll
    static void connect() {
        store = TestStores.onRealServers();
        raw = TestStores.rawClient();
        prefix = TestStores.uniquePrefix("encrypted");
    }

    @AfterAll
    static void disconnect() throws Exception {
        store.close();
        raw.close();
    }

    @Test
    void theBucketHoldsNoPlaintextWhileTheStoreReadsItBackVerified() throws Exception {
        String known = prefix + "known/part-0.jsonl";
        String streamed = prefix + "streamed/part-0.jsonl";
        StoredArtifact stored = store.put(known, RECORD, "application/jsonl");
        store.put(streamed, new ByteArrayInputStream(RECORD), -1, "application/jsonl");

        for (String key : new String[] {known, streamed}) {
            String bytesInBucket = new String(rawBytes(key), StandardCharsets.ISO_8859_1);
            assertThat(bytesInBucket).doesNotContain("Ada Lovelace").doesNotContain("patient");
            assertThat(rawStat(key).userMetadata())
                    .containsEntry("aiaas-encryption", ObjectEnvelope.FORMAT)
                    .containsEntry("aiaas-kek", "test-kek")
                    .containsEntry("sha256", ArtifactDigest.sha256Hex(RECORD))
                    .containsKey("aiaas-data-key");
            assertThat(store.readAllVerified(key, stored.sha256())).isEqualTo(RECORD);
            assertThat(store.stat(key)).hasValueSatisfying(stat -> assertThat(stat.size()).isEqualTo(RECORD.length));
        }
        assertThat(rawStat(known).size()).isEqualTo(SegmentCipher.sealedSize(RECORD.length));
    }

    @Test
    void rangeReadsFetchOnlyTheSegmentsTheyCover() throws IOException {
        byte[] content = new SeededBytes(5, 3L * SEGMENT + 123).readAllBytes();
        String key = prefix + "ranges/tensors.npz";
        store.put(key, content, ArtifactStore.BINARY);

        assertThat(range(key, 0, 10)).isEqualTo(Arrays.copyOfRange(content, 0, 10));
        assertThat(range(key, SEGMENT - 5, 10)).isEqualTo(Arrays.copyOfRange(content, SEGMENT - 5, SEGMENT + 5));
        assertThat(range(key, SEGMENT, SEGMENT)).isEqualTo(Arrays.copyOfRange(content, SEGMENT, 2 * SEGMENT));
        assertThat(range(key, 3L * SEGMENT + 100, 1000))
                .as("fewer at the end").isEqualTo(Arrays.copyOfRange(content, 3 * SEGMENT + 100, content.length));
        assertThat(range(key, content.length + 10L, 5)).isEmpty();
    }

    @Test
    void rotatingTheKeyEncryptionKeyKeepsOldObjectsReadableAndRewrapRetiresTheOldKey() throws Exception {
        String oldKey = KeyEncryptionKeys.generate("kek-2026-06");
        String newKey = KeyEncryptionKeys.generate("kek-2026-12");
        String before = prefix + "rotation/before.params";
        String after = prefix + "rotation/after.params";
        StoredArtifact written;
        try (ArtifactStore old = withKeys(oldKey)) {
            written = old.put(before, RECORD, ArtifactStore.BINARY);
        }

        try (ArtifactStore rotated = withKeys(newKey + "," + oldKey);
                ArtifactStore retired = withKeys(newKey)) {
            assertThat(rotated.readAllVerified(before, written.sha256())).isEqualTo(RECORD);
            rotated.put(after, RECORD, ArtifactStore.BINARY);
            assertThat(rawStat(after).userMetadata()).containsEntry("aiaas-kek", "kek-2026-12");
            assertThatThrownBy(() -> retired.readAllVerified(before, written.sha256()))
                    .isInstanceOf(ArtifactStoreException.class)
                    .hasMessageContaining("encrypted with key-encryption key kek-2026-06, which is not among "
                            + "the configured keys [kek-2026-12]");

            assertThat(rotated.rewrap(prefix + "rotation/")).as("only the object the old key wrapped").isEqualTo(1);

            assertThat(rawStat(before).userMetadata()).containsEntry("aiaas-kek", "kek-2026-12")
                    .containsEntry("sha256", written.sha256());
            assertThat(retired.readAllVerified(before, written.sha256())).isEqualTo(RECORD);
            assertThat(rotated.rewrap(prefix + "rotation/")).isZero();
        }
    }

    @Test
    void aWrappedKeyCopiedOntoAnotherObjectDoesNotOpenIt() throws Exception {
        String original = prefix + "copied/original.params";
        String copy = prefix + "copied/copy.params";
        StoredArtifact stored = store.put(original, RECORD, ArtifactStore.BINARY);
        raw.copyObject(CopyObjectArgs.builder().bucket(store.settings().bucket()).object(copy)
                .source(CopySource.builder().bucket(store.settings().bucket()).object(original).build()).build());

        assertThatThrownBy(() -> store.readAllVerified(copy, stored.sha256()))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining("did not wrap for it");
    }

    @Test
    void anObjectWrittenBeforeEncryptionIsStillReadAsItIs() throws Exception {
        String key = prefix + "legacy/model.params";
        raw.putObject(PutObjectArgs.builder().bucket(store.settings().bucket()).object(key)
                .stream(new ByteArrayInputStream(RECORD), RECORD.length, -1)
                .userMetadata(Map.of("sha256", ArtifactDigest.sha256Hex(RECORD))).build());

        assertThat(store.readAllVerified(key, ArtifactDigest.sha256Hex(RECORD))).isEqualTo(RECORD);
        assertThat(range(key, 10, 5)).isEqualTo(Arrays.copyOfRange(RECORD, 10, 15));
        assertThat(store.stat(key)).hasValueSatisfying(stat -> assertThat(stat.size()).isEqualTo(RECORD.length));
    }

    private static ArtifactStore withKeys(String spec) {
        return new ArtifactStore(store.settings().withKeys(KeyEncryptionKeys.parse(spec)));
    }

    private static byte[] range(String key, long offset, long length) throws IOException {
        try (InputStream in = store.get(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] rawBytes(String key) throws Exception {
        try (InputStream in = raw.getObject(GetObjectArgs.builder().bucket(store.settings().bucket()).object(key)
                .build())) {
            return in.readAllBytes();
        }
    }

    private static StatObjectResponse rawStat(String key) throws Exception {
        return raw.statObject(StatObjectArgs.builder().bucket(store.settings().bucket()).object(key).build());
    }
}
