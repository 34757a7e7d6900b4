package dev.aiaas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The segmented AES-GCM format on its own, without a server. */
class SegmentCipherTest {

    private static final int SEGMENT = SegmentCipher.SEGMENT_BYTES;
    private static final byte[] DATA_KEY = KeyEncryptionKeys.randomBytes(KeyEncryptionKeys.KEY_BYTES);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 17})
    void roundTripsAnySizeAndPredictsTheStoredSize(int size) throws IOException {
        byte[] plain = bytes(size, size);

        byte[] sealed = seal(plain);

        assertThat(sealed.length).isEqualTo(SegmentCipher.sealedSize(size));
        assertThat(SegmentCipher.plainSize(sealed.length)).isEqualTo(size);
        assertThat(open(sealed, 0, true)).isEqualTo(plain);
    }

    @Test
    void theSealedFormHoldsNoRunOfThePlaintext() throws IOException {
        byte[] plain = "sepal_length,sepal_width,petal_length,petal_width,species\n".repeat(2000).getBytes(StandardCharsets.UTF_8);

        byte[] sealed = seal(plain);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sepal");
    }

    @Test
    void anObjectCutAtASegmentBoundaryDoesNotReadAsAShorterOne() throws IOException {
        byte[] sealed = seal(bytes(7, 3 * SEGMENT));
        byte[] cut = Arrays.copyOf(sealed, 2 * SegmentCipher.SEALED_SEGMENT_BYTES);

        assertThatThrownBy(() -> open(cut, 0, true))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining("segment 1 was changed, moved or cut off");
    }

    @Test
    void aChangedByteOrSwappedSegmentsFailToDecrypt() throws IOException {
        byte[] sealed = seal(bytes(3, 2 * SEGMENT + 5));
        byte[] flipped = sealed.clone();
        flipped[SegmentCipher.SEALED_SEGMENT_BYTES + 100] ^= 1;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, SegmentCipher.SEALED_SEGMENT_BYTES, swapped, 0, SegmentCipher.SEALED_SEGMENT_BYTES);
        System.arraycopy(sealed, 0, swapped, SegmentCipher.SEALED_SEGMENT_BYTES, SegmentCipher.SEALED_SEGMENT_BYTES);

        assertThatThrownBy(() -> open(flipped, 0, true)).isInstanceOf(ArtifactIntegrityException.class);
        assertThatThrownBy(() -> open(swapped, 0, true)).isInstanceOf(ArtifactIntegrityException.class);
        assertThatThrownBy(() -> open(new byte[0], 0, true))
                .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("cut short");
    }

    @Test
    void segmentsInTheMiddleOpenOnTheirOwn() throws IOException {
        byte[] plain = bytes(11, 3 * SEGMENT + 9);
        byte[] sealed = seal(plain);
        int from = SegmentCipher.SEALED_SEGMENT_BYTES;
        byte[] middle = Arrays.copyOfRange(sealed, from, from + SegmentCipher.SEALED_SEGMENT_BYTES);

        assertThat(open(middle, 1, false)).isEqualTo(Arrays.copyOfRange(plain, SEGMENT, 2 * SEGMENT));
        assertThatThrownBy(() -> open(middle, 1, true)).as("a middle segment is not the last")
                .isInstanceOf(ArtifactIntegrityException.class);
    }

    private static byte[] bytes(long seed, int size) throws IOException {
        return new SeededBytes(seed, size).readAllBytes();
    }

    private static byte[] seal(byte[] plain) throws IOException {
        try (InputStream in = new EncryptingInputStream(new ByteArrayInputStream(plain), new SegmentCipher(DATA_KEY))) {
            return in.readAllBytes();
        }
    }

    private static byte[] open(byte[] sealed, long firstIndex, boolean endsWithLast) throws IOException {
        try (InputStream in = new DecryptingInputStream(new ByteArrayInputStream(sealed), new SegmentCipher(DATA_KEY),
                "k", firstIndex, endsWithLast)) {
            return in.readAllBytes();
        }
    }
}
