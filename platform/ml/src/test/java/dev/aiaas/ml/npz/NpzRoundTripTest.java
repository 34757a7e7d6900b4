package dev.aiaas.ml.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class NpzRoundTripTest {

    private static byte[] write(Map<String, NpyArray> arrays) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter writer = new NpzWriter(bytes)) {
            for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                writer.add(entry.getKey(), entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void arraysReadBackWithTheirShapesAndValues() throws IOException {
        float[] pixels = new float[3 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 7f - 100;
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.ofFloats(pixels, 3, 1, 28, 28));
        arrays.put("y", NpyArray.ofInts(new int[] {7, 0, 9}));
        arrays.put("big", NpyArray.ofLongs(new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE}, 3));

        Map<String, NpyArray> read = NpzReader.read(new ByteArrayInputStream(write(arrays)));

        assertThat(read).containsExactlyEntriesOf(arrays);
        assertThat(read.get("x").shape()).containsExactly(3, 1, 28, 28);
        assertThat(read.get("y").longs()).containsExactly(7, 0, 9);
    }

    @Test
    void eachEntryIsANpyFileWithAHeaderPaddedToSixtyFourBytes() throws IOException {
        byte[] archive = write(Map.of("y", NpyArray.ofInts(new int[] {1, 2})));

        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry = zip.getNextEntry();
            byte[] npy = zip.readAllBytes();

            assertThat(entry.getName()).isEqualTo("y.npy");
            assertThat(npy).startsWith((byte) 0x93, (byte) 'N', (byte) 'U', (byte) 'M', (byte) 'P', (byte) 'Y', 1, 0);
            int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
            assertThat((10 + headerLength) % 64).isZero();
            String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
            assertThat(header).startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }").endsWith("\n");
            assertThat(npy).hasSize(10 + headerLength + 16);
            assertThat(npy[10 + headerLength]).isEqualTo((byte) 1);
        }
    }

    @Test
    void emptyAndScalarArraysRoundTrip() throws IOException {
        Map<String, NpyArray> arrays = Map.of(
                "none", NpyArray.ofFloats(new float[0], 0, 4),
                "scalar", NpyArray.ofLongs(new long[] {42}));

        assertThat(NpzReader.read(new ByteArrayInputStream(write(arrays)))).containsAllEntriesOf(arrays);
    }

    @Test
    void dataThatDoesNotFillTheShapeIsRefused() {
        assertThatThrownBy(() -> NpyArray.ofFloats(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [2, 3] holds 6 elements, the data has 5");
    }

    @Test
    void aNameCanBeUsedOnlyOnce() throws IOException {
        try (NpzWriter writer = new NpzWriter(new ByteArrayOutputStream())) {
            writer.add("x", NpyArray.ofInts(new int[] {1}));

            assertThatThrownBy(() -> writer.add("x", NpyArray.ofInts(new int[] {2})))
                    .hasMessageContaining("used once per archive");
        }
    }
}
