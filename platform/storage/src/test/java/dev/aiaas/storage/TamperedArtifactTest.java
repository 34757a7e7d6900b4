package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.minio.PutObjectArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object overwritten behind the store's back, bytes changed but the recorded sha256 kept,
 * as silent damage or tampering would leave it.
 */
class TamperedArtifactTest {

    private static final byte[] ORIGINAL = "weights: 0.25 0.50 0.75".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAMPERED = "weights: 0.25 0.50 9.99".getBytes(StandardCharsets.UTF_8);

    private static ArtifactStore store;
    private static String prefix;

    private String key;
    private String expectedSha256;

    @BeforeAll
    static void connect() {
        store = TestStores.onRealServers();
        prefix = TestStores.uniquePrefix("tampered");
    }

    @AfterAll
    static void disconnect() {
        store.close();
    }

    @BeforeEach
    void storeThenTamper() throws Exception {
        key = prefix + "models/x/v1/model.params";
        expectedSha256 = store.put(key, ORIGINAL, ArtifactStore.BINARY).sha256();
        TestStores.rawClient().putObject(PutObjectArgs.builder()
                .bucket(store.settings().bucket())
                .object(key)
                .stream(new ByteArrayInputStream(TAMPERED), TAMPERED.length, -1)
                .userMetadata(Map.of("sha256", expectedSha256))
                .build());
    }

    @Test
    void theDamageIsInvisibleWithoutVerification() throws IOException {
        assertThat(store.stat(key)).hasValueSatisfying(stat -> assertThat(stat.sha256()).isEqualTo(expectedSha256));
        try (InputStream in = store.get(key)) {
            assertThat(in.readAllBytes()).isEqualTo(TAMPERED);
        }
    }

    @Test
    void getVerifiedRefusesItAtTheEndOfTheStream() {
        String actual = ArtifactDigest.sha256Hex(TAMPERED);

        assertThatThrownBy(() -> {
            try (InputStream in = store.getVerified(key, expectedSha256)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }).isInstanceOf(ArtifactIntegrityException.class)
                .hasMessage("artifact " + key + " is corrupt: expected sha256 " + expectedSha256 + ", got " + actual);
    }

    @Test
    void readAllVerifiedRefusesIt() {
        assertThatThrownBy(() -> store.readAllVerified(key, expectedSha256))
                .isInstanceOf(ArtifactIntegrityException.class);
    }

    @Test
    void downloadVerifiedRefusesItAndLeavesNoFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model.params");

        assertThatThrownBy(() -> store.downloadVerified(key, expectedSha256, target))
                .isInstanceOf(ArtifactIntegrityException.class);

        assertThat(target).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no partial download either").isEmpty();
        }
    }
}
