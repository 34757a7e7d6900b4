package dev.aiaas.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.ColumnKind;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRecordReaderTest {

    private static final DatasetSchema IRIS = new DatasetSchema(List.of(
            new ColumnSpec("sepal_length", ColumnKind.DOUBLE, false, new int[0]),
            new ColumnSpec("sepal_width", ColumnKind.DOUBLE, false, new int[0]),
            new ColumnSpec("petal_length", ColumnKind.DOUBLE, false, new int[0]),
            new ColumnSpec("petal_width", ColumnKind.DOUBLE, false, new int[0]),
            new ColumnSpec("species", ColumnKind.STRING, false, new int[0])), "species");

    private static final DatasetSchema PEOPLE = new DatasetSchema(List.of(
            new ColumnSpec("id", ColumnKind.INT64, false, new int[0]),
            new ColumnSpec("name", ColumnKind.STRING, true, new int[0]),
            new ColumnSpec("note", ColumnKind.STRING, true, new int[0])), "");

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 1 << 20})
    void theBundledIrisFileGivesItsHundredAndFiftyRowsWhateverTheChunking(int chunkSize) throws Exception {
        CollectingSink sink = new CollectingSink();

        CollectingSink.feed(new CsvRecordReader(IRIS, sink), Files.readAllBytes(Path.of("../datasets/iris.csv")), chunkSize);

        assertThat(sink.unreadable).isEmpty();
        assertThat(sink.records).hasSize(150);
        assertThat(sink.records.get(0)).isEqualTo(Map.of("sepal_length", "5.1", "sepal_width", "3.5",
                "petal_length", "1.4", "petal_width", "0.2", "species", "setosa"));
        assertThat(sink.records.get(149)).containsEntry("species", "virginica");
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksAreOneField() {
        CollectingSink sink = read(PEOPLE, "id,name,note\r\n"
                + "1,\"Smith, John\",\"said \"\"hi\"\"\"\r\n"
                + "2,Ann,\"two\nlines\"\n");

        assertThat(sink.records).containsExactly(
                Map.of("id", "1", "name", "Smith, John", "note", "said \"hi\""),
                Map.of("id", "2", "name", "Ann", "note", "two\nlines"));
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsRefusedWithItsLineAndTheOthersGoOn() {
        CollectingSink sink = read(PEOPLE, "id,name,note\n1,Ann,x\n2,Bob\n\n3,Cy,\n");

        assertThat(sink.records).extracting(r -> r.get("id")).containsExactly("1", "3");
        assertThat(sink.records.get(1)).doesNotContainKey("note");
        assertThat(sink.unreadable).containsExactly("line 3: 2 fields, but the header names 3 columns");
    }

    @Test
    void headerColumnsMayComeInAnyOrderAndLeaveOutNullableOnes() {
        CollectingSink sink = read(PEOPLE, "\uFEFFname, id\nAnn,7\n");

        assertThat(sink.records).containsExactly(Map.of("id", "7", "name", "Ann"));
    }

    @Test
    void aHeaderWithUnknownOrMissingRequiredColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> read(IRIS, "sepal_length,sepal_width,petal_length,colour\n1,2,3,red\n"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("columns not in the schema: [colour]")
                .hasMessageContaining("required columns missing: [petal_width, species]");
    }

    @Test
    void anUnclosedQuoteAtTheEndIsReportedAndAnEmptyFileRefused() {
        CollectingSink sink = read(PEOPLE, "id,name\n1,\"Ann\n");
        assertThat(sink.unreadable).containsExactly("line 2: a quoted field is never closed (the file ends inside it)");

        assertThatThrownBy(() -> read(PEOPLE, "")).hasMessageContaining("the CSV file is empty");
    }

    private static CollectingSink read(DatasetSchema schema, String csv) {
        CollectingSink sink = new CollectingSink();
        CollectingSink.feed(new CsvRecordReader(schema, sink), csv.getBytes(StandardCharsets.UTF_8), 5);
        return sink;
    }
}
