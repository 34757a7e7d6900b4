package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {

    private static final byte[] CONTENT = "model weights".getBytes(StandardCharsets.UTF_8);
    private static final String KEY = "models/x/v1/model.params";

    @Test
    void passesTheBytesThroughWhenTheDigestMatches() throws IOException {
        try (InputStream in = verifying(CONTENT, ArtifactDigest.sha256Hex(CONTENT))) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void failsAtTheEndWhenTheDigestDiffers() {
        String expected = ArtifactDigest.sha256Hex("other bytes".getBytes(StandardCharsets.UTF_8));
        InputStream in = verifying(CONTENT, expected);

        assertThatThrownBy(in::readAllBytes)
                .isInstanceOfSatisfying(ArtifactIntegrityException.class, e -> {
                    assertThat(e.key()).isEqualTo(KEY);
                    assertThat(e.expectedSha256()).isEqualTo(expected);
                    assertThat(e.actualSha256()).isEqualTo(ArtifactDigest.sha256Hex(CONTENT));
                })
                .hasMessage("artifact " + KEY + " is corrupt: expected sha256 " + expected + ", got "
                        + ArtifactDigest.sha256Hex(CONTENT));
        assertThatThrownBy(in::read).as("every read after the failure fails too")
                .isInstanceOf(ArtifactIntegrityException.class);
    }

    @Test
    void stillVerifiesWhenTheReaderSkipsBytes() throws IOException {
        String wrong = ArtifactDigest.sha256Hex(new byte[0]);
        InputStream in = verifying(CONTENT, wrong);

        assertThat(in.skip(5)).isEqualTo(5);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(ArtifactIntegrityException.class);
    }

    @Test
    void verifiesByteByByteReadsToo() throws IOException {
        InputStream in = verifying(CONTENT, ArtifactDigest.sha256Hex(CONTENT));
        int count = 0;
        while (in.read() != -1) {
            count++;
        }
        assertThat(count).isEqualTo(CONTENT.length);
    }

    private static InputStream verifying(byte[] content, String expectedSha256) {
        return new VerifyingInputStream(new ByteArrayInputStream(content), KEY, expectedSha256);
    }
}
