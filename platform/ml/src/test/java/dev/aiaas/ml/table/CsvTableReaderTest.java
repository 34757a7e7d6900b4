package dev.aiaas.ml.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    @Test
    void numericColumnsAreInferredAndEmptyCellsAreMissing() throws Exception {
        String csv = "length,name,species\r\n1.5,\"Smith, J\",a\r\n,\"say \"\"hi\"\"\",b\r\n2,,a\r\n";

        Table table = CsvTableReader.read(new StringReader(csv), "species");

        assertThat(table.column("length").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(table.numeric("length").values()).containsExactly(1.5, Double.NaN, 2);
        assertThat(table.categorical("name").values()).containsExactly("Smith, J", "say \"hi\"", null);
        assertThat(table.categorical("species").values()).containsExactly("a", "b", "a");
        assertThat(table.labelName()).contains("species");
    }

    @Test
    void aColumnWithOneNonNumberIsCategorical() throws Exception {
        Table table = CsvTableReader.read(new StringReader("code\n1\n2\nx7\n"), null);

        assertThat(table.categorical("code").values()).containsExactly("1", "2", "x7");
    }

    @Test
    void aRaggedRowIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> CsvTableReader.read(new StringReader("a,b\n1,2\n3\n"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSV row 2 has 1 cells but the header has 2");
    }
}
