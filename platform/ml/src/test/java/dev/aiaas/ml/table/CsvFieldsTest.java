package dev.aiaas.ml.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvFieldsTest {

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() {
        assertThat(CsvFields.parse("1,\"Smith, John\",\"say \"\"hi\"\"\",")).hasValueSatisfying(fields ->
                assertThat(fields).containsExactly("1", "Smith, John", "say \"hi\"", ""));
    }

    @Test
    void anOpenQuoteMeansTheRecordGoesOnOnTheNextLine() {
        assertThat(CsvFields.parse("1,\"two\nlines")).isEmpty();
        assertThat(CsvFields.parse("1,\"two\nlines\",3")).hasValueSatisfying(fields ->
                assertThat(fields).containsExactly("1", "two\nlines", "3"));
    }

    @Test
    void emptyFieldsAreKeptInPlace() {
        assertThat(CsvFields.parse(",,")).hasValueSatisfying(fields -> assertThat(fields).containsExactly("", "", ""));
        assertThat(CsvFields.parse("\"\",x")).hasValueSatisfying(fields -> assertThat(fields).containsExactly("", "x"));
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        assertThatThrownBy(() -> CsvFields.parse("a,\"b\"c,d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 2 has text after its closing quote");
    }
}
