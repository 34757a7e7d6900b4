package dev.aiaas.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipDecoderTest {

    private static final byte[] DATA = randomText(200_000);

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10, 11, 4096, 1 << 20})
    void inflatesWhatGzipOutputStreamWroteWhateverTheChunking(int chunkSize) throws IOException {
        assertThat(decode(gzip(DATA), chunkSize)).isEqualTo(DATA);
    }

    @Test
    void readsConcatenatedMembersAndHeadersWithNameAndComment() throws IOException {
        byte[] named = gzip(new byte[] {'a', 'b'});
        named[3] = 8 | 16; // FNAME and FCOMMENT, each zero-terminated after the 10-byte header
        byte[] withName = concat(Arrays.copyOf(named, 10), "f.txt\0note\0".getBytes(), Arrays.copyOfRange(named, 10, named.length));

        assertThat(decode(concat(withName, gzip(DATA)), 7)).isEqualTo(concat(new byte[] {'a', 'b'}, DATA));
    }

    @Test
    void refusesDataThatIsNotGzipOrIsCorruptOrTruncated() throws IOException {
        assertThatThrownBy(() -> decode("hello".getBytes(), 64)).isInstanceOf(ZipException.class)
                .hasMessageContaining("magic bytes");

        byte[] corrupt = gzip(DATA);
        corrupt[corrupt.length - 6] ^= 1; // in the CRC-32 of the trailer
        assertThatThrownBy(() -> decode(corrupt, 4096)).hasMessageContaining("checksum does not match");

        byte[] whole = gzip(DATA);
        assertThatThrownBy(() -> decode(Arrays.copyOf(whole, whole.length / 2), 4096)).hasMessageContaining("truncated");
    }

    private static byte[] decode(byte[] gz, int chunkSize) throws ZipException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GzipDecoder decoder = new GzipDecoder(out::write);
        for (int offset = 0; offset < gz.length; offset += chunkSize) {
            decoder.accept(Arrays.copyOfRange(gz, offset, Math.min(gz.length, offset + chunkSize)));
        }
        decoder.finish();
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomText(int size) {
        Random random = new Random(42);
        byte[] text = new byte[size];
        for (int i = 0; i < size; i++) {
            text[i] = (byte) ('a' + random.nextInt(random.nextInt(26) + 1));
        }
        return text;
    }
}
