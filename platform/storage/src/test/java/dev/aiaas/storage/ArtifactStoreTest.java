package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.minio.StatObjectArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    private static final byte[] SMALL = "small model, big hopes".getBytes(StandardCharsets.UTF_8);

    private static ArtifactStore store;
    private static String prefix;

    @BeforeAll
    static void connect() {
        store = TestStores.onRealServers();
        prefix = TestStores.uniquePrefix("store");
    }

    @AfterAll
    static void disconnect() {
        store.close();
    }

    @Test
    void roundTripsASmallObjectWithTheSha256ComputedLocally() throws IOException {
        String key = prefix + "small/model.params";

        StoredArtifact stored = store.put(key, new ByteArrayInputStream(SMALL), SMALL.length, ArtifactStore.BINARY);

        assertThat(stored.sha256()).isEqualTo(ArtifactDigest.sha256Hex(SMALL));
        assertThat(stored.size()).isEqualTo(SMALL.length);
        assertThat(stored.etag()).isNotBlank();
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(SMALL);
        }
        assertThat(store.readAllVerified(key, stored.sha256())).isEqualTo(SMALL);
    }

    @Test
    void recordsTheSha256AsUserMetadataOnTheObject() throws Exception {
        String key = prefix + "meta/model.params";
        StoredArtifact stored = store.put(key, SMALL, "application/x-model");

        var raw = TestStores.rawClient().statObject(
                StatObjectArgs.builder().bucket(store.settings().bucket()).object(key).build());

        assertThat(raw.userMetadata()).containsEntry("sha256", ArtifactDigest.sha256Hex(SMALL));
        assertThat(raw.contentType()).isEqualTo("application/x-model");
        assertThat(store.stat(key)).contains(new StoredArtifact(key, SMALL.length, stored.sha256(), raw.etag()));
    }

    @Test
    void keepsTheContentTypeOfAStreamedUpload() throws Exception {
        String key = prefix + "typed/data.csv";
        store.put(key, new ByteArrayInputStream(SMALL), -1, "text/csv");

        var raw = TestStores.rawClient().statObject(
                StatObjectArgs.builder().bucket(store.settings().bucket()).object(key).build());

        assertThat(raw.contentType()).isEqualTo("text/csv");
        assertThat(raw.userMetadata()).containsEntry("sha256", ArtifactDigest.sha256Hex(SMALL));
    }

    @Test
    void storesAFileAndDownloadsItVerified(@TempDir Path dir) throws IOException {
        Path source = Files.write(dir.resolve("weights.bin"), SMALL);
        String key = prefix + "file/weights.bin";

        StoredArtifact stored = store.put(key, source);
        Path target = dir.resolve("downloaded/weights.bin");
        long written = store.downloadVerified(key, stored.sha256(), target);

        assertThat(written).isEqualTo(SMALL.length);
        assertThat(target).hasBinaryContent(SMALL);
        assertThat(dir.resolve("downloaded")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void returnsTheRequestedRangeOfBytes() throws IOException {
        String key = prefix + "range/model.params";
        store.put(key, SMALL, ArtifactStore.BINARY);

        try (InputStream in = store.get(key, 6, 5)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("model");
        }
    }

    @Test
    void listsKeysAndStoredSizesUnderAPrefixAtAnyDepth() {
        String base = prefix + "list/";
        store.put(base + "a.bin", new byte[3], ArtifactStore.BINARY);
        store.put(base + "deep/er/b.bin", new byte[5], ArtifactStore.BINARY);
        store.put(prefix + "listing-elsewhere/c.bin", new byte[7], ArtifactStore.BINARY);

        assertThat(store.list(base)).as("content and one 16-byte tag each").containsExactly(
                new ArtifactSummary(base + "a.bin", 3 + 16),
                new ArtifactSummary(base + "deep/er/b.bin", 5 + 16));
    }

    @Test
    void deletesOneKey() {
        String key = prefix + "delete/one.bin";
        store.put(key, SMALL, ArtifactStore.BINARY);

        store.delete(key);

        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void deletesEverythingUnderAPrefixAndNothingElse() {
        String doomed = prefix + "prune/v1/";
        String kept = prefix + "prune/v2/model.params";
        for (int i = 0; i < 5; i++) {
            store.put(doomed + "part-" + i, new byte[i + 1], ArtifactStore.BINARY);
        }
        store.put(kept, SMALL, ArtifactStore.BINARY);

        assertThat(store.deletePrefix(doomed)).isEqualTo(5);

        assertThat(store.list(doomed)).isEmpty();
        assertThat(store.exists(kept)).isTrue();
    }

    @Test
    void refusesToDeleteTheWholeBucket() {
        assertThatThrownBy(() -> store.deletePrefix("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statOfAMissingKeyIsEmpty() {
        assertThat(store.stat(prefix + "missing/model.params")).isEmpty();
        assertThat(store.exists(prefix + "missing/model.params")).isFalse();
    }

    @Test
    void getOfAMissingKeyIsArtifactNotFound() {
        String key = prefix + "missing/model.params";

        assertThatThrownBy(() -> store.get(key))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessage("artifact " + key + " not found");
        assertThatThrownBy(() -> store.getVerified(key, ArtifactDigest.sha256Hex(SMALL)))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void leavesNoStagingObjectsBehind() {
        store.put(prefix + "staged/x.bin", new ByteArrayInputStream(SMALL), -1, ArtifactStore.BINARY);

        assertThat(store.list(ArtifactUpload.STAGING_PREFIX)).isEmpty();
        assertThat(store.list(prefix + "staged/")).hasSize(1);
    }

    @Test
    void refusesKeysUnderTheReservedStagingPrefix() {
        assertThatThrownBy(() -> store.put(ArtifactUpload.STAGING_PREFIX + "x", SMALL, ArtifactStore.BINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void reportsAMissingBucketWithItsName() {
        ArtifactStoreSettings settings = store.settings();
        try (ArtifactStore elsewhere = new ArtifactStore(ArtifactStoreSettings.of(
                settings.endpoint(), settings.accessKey(), settings.secretKey(), "no-such-bucket", settings.keys()))) {
            assertThatThrownBy(() -> elsewhere.put("k", SMALL, ArtifactStore.BINARY))
                    .isInstanceOf(ArtifactStoreException.class)
                    .hasMessageContaining("cannot put k: NoSuchBucket")
                    .hasMessageContaining("ensureBucket()");
        }
    }
}
