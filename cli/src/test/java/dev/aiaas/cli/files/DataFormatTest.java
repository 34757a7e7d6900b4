package dev.aiaas.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.CommandFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DataFormatTest {

    @Test
    void gzippedCsvAndJsonLinesAreKnownByTheirInnerExtensionAndAnyOtherGzIsImageRecords() {
        assertThat(DataFormat.byName(Path.of("mail.jsonl.gz"))).contains(DataFormat.JSONL);
        assertThat(DataFormat.byName(Path.of("MAIL.NDJSON.GZ"))).contains(DataFormat.JSONL);
        assertThat(DataFormat.byName(Path.of("cars.csv.gz"))).contains(DataFormat.CSV);
        assertThat(DataFormat.byName(Path.of("mnist10k.u8.gz"))).contains(DataFormat.IMAGE_RECORDS);
        assertThat(DataFormat.byName(Path.of("notes.txt"))).isEmpty();
        assertThatThrownBy(() -> DataFormat.of(Path.of("notes.txt"), null)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("--format");
    }

    @Test
    void gzippedTextIsUnzippedAsItIsReadAndOtherFilesPassUntouched() throws IOException {
        byte[] text = "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }

        try (InputStream in = DataFormat.unzipped(Path.of("a.jsonl.gz"), new ByteArrayInputStream(gz.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
        try (InputStream in = DataFormat.unzipped(Path.of("digits.gz"), new ByteArrayInputStream(gz.toByteArray()))) {
            assertThat(in.readAllBytes()).as("image records are sent as they are").isEqualTo(gz.toByteArray());
        }
    }
}
