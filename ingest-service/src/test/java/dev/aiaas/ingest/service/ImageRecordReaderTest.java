package dev.aiaas.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.ColumnKind;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ImageRecordReaderTest {

    private static final Path MNIST = Path.of("../datasets/mnist10k.u8.gz");

    @Test
    void theBundledDigitsGiveTenThousandLabelledImages() throws IOException {
        CollectingSink sink = new CollectingSink();

        CollectingSink.feed(new ImageRecordReader(digits(ColumnKind.INT64), 0, sink), Files.readAllBytes(MNIST), 65_536);

        assertThat(sink.unreadable).isEmpty();
        assertThat(sink.records).hasSize(10_000);
        byte[] first = firstRecordOfTheFile();
        assertThat(sink.records.get(0)).containsEntry("label", (long) first[0]);
        assertThat((byte[]) sink.records.get(0).get("image")).isEqualTo(Arrays.copyOfRange(first, 1, 785));
        // the file is sorted by label: 1 001 zeros, 1 127 ones, 991 twos, then threes
        assertThat(sink.records.get(1000)).containsEntry("label", 0L);
        assertThat(sink.records.get(1001)).containsEntry("label", 1L);
        assertThat(sink.records.get(4000)).containsEntry("label", 3L);
        assertThat(sink.records.get(9999)).containsEntry("label", 9L);
    }

    @Test
    void labelsGoToAStringColumnAsTextAndWiderLabelsAreBigEndian() throws IOException {
        DatasetSchema schema = new DatasetSchema(List.of(
                new ColumnSpec("label", ColumnKind.STRING, false, new int[0]),
                new ColumnSpec("image", ColumnKind.IMAGE_U8, false, new int[] {2})), "label");
        CollectingSink sink = new CollectingSink();

        CollectingSink.feed(new ImageRecordReader(schema, 2, sink),
                GzipDecoderTest.gzip(new byte[] {1, 2, 9, 9, 0, 7, 5, 5, 0}), 3);

        assertThat(sink.records).extracting(r -> r.get("label")).containsExactly("258", "7");
        assertThat(sink.unreadable).containsExactly(
                "the file ends inside record 2: 1 of 4 bytes (is label_bytes right, and the image column's shape?)");
    }

    @Test
    void aSchemaThatCannotTakeImageRecordsOrAFileThatIsNotGzipIsRefused() {
        DatasetSchema noImage = new DatasetSchema(List.of(new ColumnSpec("label", ColumnKind.INT64, false, new int[0])),
                "label");
        assertThatThrownBy(() -> new ImageRecordReader(noImage, 1, new CollectingSink()))
                .isInstanceOf(DomainException.class).hasMessageContaining("exactly one IMAGE_U8 column");
        assertThatThrownBy(() -> new ImageRecordReader(digits(ColumnKind.DOUBLE), 1, new CollectingSink()))
                .hasMessageContaining("INT64 or STRING");
        assertThatThrownBy(() -> new ImageRecordReader(digits(ColumnKind.INT64), 9, new CollectingSink()))
                .hasMessageContaining("label_bytes is 9");

        ImageRecordReader reader = new ImageRecordReader(digits(ColumnKind.INT64), 1, new CollectingSink());
        assertThatThrownBy(() -> reader.accept("label,image\n".getBytes()))
                .isInstanceOf(DomainException.class).hasMessageContaining("not gzip");
    }

    private static DatasetSchema digits(ColumnKind labelKind) {
        return new DatasetSchema(List.of(
                new ColumnSpec("image", ColumnKind.IMAGE_U8, false, new int[] {28, 28}),
                new ColumnSpec("label", labelKind, false, new int[0])), "label");
    }

    private static byte[] firstRecordOfTheFile() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(MNIST))) {
            return in.readNBytes(785);
        }
    }
}
