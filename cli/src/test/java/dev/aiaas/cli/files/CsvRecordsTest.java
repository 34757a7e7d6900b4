package dev.aiaas.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndBlankLinesAreSkipped() throws IOException {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(
                "\uFEFFa,b,c\n\n1,\"x, \"\"y\"\"\",\n2,\"two\nlines\",3\n")));

        assertThat(records.next()).contains(List.of("a", "b", "c"));
        assertThat(records.next()).contains(List.of("1", "x, \"y\"", ""));
        assertThat(records.next()).contains(List.of("2", "two\nlines", "3"));
        assertThat(records.next()).isEqualTo(Optional.empty());
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader("a,b\n1,\"open\n")));

        assertThatThrownBy(() -> {
            records.next();
            records.next();
        }).isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("never closed");
    }
}
