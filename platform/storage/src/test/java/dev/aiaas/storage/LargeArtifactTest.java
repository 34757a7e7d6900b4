package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 100 MiB+ object streamed through multipart upload and back, never held in memory. Prints
 * the throughput it saw.
 */
class LargeArtifactTest {

    private static final long SIZE = 100L * 1024 * 1024 + 12_345; // not a multiple of the part size
    private static final double MIB = 1024 * 1024;

    private static ArtifactStore store;
    private static String prefix;

    @BeforeAll
    static void connect() {
        store = TestStores.onRealServers();
        prefix = TestStores.uniquePrefix("large");
    }

    @AfterAll
    static void cleanUp() {
        store.deletePrefix(prefix);
        store.close();
    }

    @Test
    void roundTripsWithMatchingSha256WhenTheSizeIsKnown() throws IOException {
        roundTrip(prefix + "known/model.params", 42L, SIZE);
    }

    @Test
    void roundTripsWithMatchingSha256WhenTheSizeIsUnknown() throws IOException {
        roundTrip(prefix + "unknown/model.params", 43L, -1);
    }

    private static void roundTrip(String key, long seed, long declaredSize) throws IOException {
        String expected;
        try (InputStream local = new SeededBytes(seed, SIZE)) {
            expected = ArtifactDigest.sha256Hex(local);
        }

        long putStart = System.nanoTime();
        StoredArtifact stored;
        try (InputStream upload = new SeededBytes(seed, SIZE)) {
            stored = store.put(key, upload, declaredSize, ArtifactStore.BINARY);
        }
        double putSeconds = (System.nanoTime() - putStart) / 1e9;

        long getStart = System.nanoTime();
        String downloaded;
        try (InputStream in = store.getVerified(key, stored.sha256())) {
            downloaded = ArtifactDigest.sha256Hex(in);
        }
        double getSeconds = (System.nanoTime() - getStart) / 1e9;

        assertThat(stored.sha256()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(SIZE);
        assertThat(downloaded).isEqualTo(expected);
        assertThat(store.stat(key)).hasValueSatisfying(stat -> {
            assertThat(stat.size()).isEqualTo(SIZE);
            assertThat(stat.sha256()).isEqualTo(expected);
        });
        System.out.printf("%s: %.1f MiB, size %s: put %.1f MiB/s (%.2f s), verified get %.1f MiB/s (%.2f s)%n",
                key.substring(prefix.length()), SIZE / MIB, declaredSize < 0 ? "unknown" : "known",
                SIZE / MIB / putSeconds, putSeconds, SIZE / MIB / getSeconds, getSeconds);
    }
}
