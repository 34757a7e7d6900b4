package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactDigestTest {

    /** FIPS 180-2 test vector. */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesBytesStreamsAndFilesAlike(@TempDir Path dir) throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("abc.txt"), abc);

        assertThat(ArtifactDigest.sha256Hex(abc)).isEqualTo(SHA256_OF_ABC);
        assertThat(ArtifactDigest.sha256Hex(new ByteArrayInputStream(abc))).isEqualTo(SHA256_OF_ABC);
        assertThat(ArtifactDigest.sha256Hex(file)).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void normalizesUpperCaseAndSurroundingSpace() {
        assertThat(ArtifactDigest.normalize(" " + SHA256_OF_ABC.toUpperCase() + "\n")).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void rejectsWhatIsNotASha256() {
        assertThatThrownBy(() -> ArtifactDigest.normalize("abc123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a SHA-256 hex digest");
        assertThatThrownBy(() -> ArtifactDigest.normalize(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
