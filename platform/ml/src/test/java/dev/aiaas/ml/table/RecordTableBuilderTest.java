package dev.aiaas.ml.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTableBuilderTest {

    private final List<ColumnSpec> specs = List.of(
            ColumnSpec.numeric("mass"), ColumnSpec.categorical("island"), ColumnSpec.image("img", 2, 2),
            ColumnSpec.categorical("species"));

    @Test
    void buildsTypedColumnsWithAbsentAndNullValuesAsMissing() {
        Map<String, Object> second = new HashMap<>(Map.of("img", List.of(4, 5, 6, 7), "species", "b"));
        second.put("island", null);

        Table table = new RecordTableBuilder(specs, "species")
                .add(Map.of("mass", 3750, "island", "Dream", "img", new byte[] {0, 1, 2, 3}, "species", "a"))
                .add(second)
                .build();

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.numeric("mass").values()).containsExactly(3750, Double.NaN);
        assertThat(table.categorical("island").values()).containsExactly("Dream", null);
        assertThat(table.image("img").image(1)).containsExactly(4, 5, 6, 7);
        assertThat(table.labelName()).contains("species");
    }

    @Test
    void aStringForANumberIsRefusedNamingRowAndColumn() {
        RecordTableBuilder builder = new RecordTableBuilder(specs, null)
                .add(Map.of("mass", 1.5, "img", new int[] {1, 2, 3, 4}));

        assertThatThrownBy(() -> builder.add(Map.of("mass", "heavy", "img", new int[] {1, 2, 3, 4})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1, column 'mass': expected a number, got the string \"heavy\"");
        assertThat(builder.build().rowCount()).isEqualTo(1);
    }

    @Test
    void anImageOfTheWrongSizeOrPixelRangeIsRefused() {
        assertThatThrownBy(() -> RecordTableBuilder.single(specs, Map.of("img", new byte[3])))
                .hasMessage("column 'img': expected 4 pixels for shape [2, 2], got 3");
        assertThatThrownBy(() -> RecordTableBuilder.single(specs, Map.of("img", List.of(1, 2, 256, 0))))
                .hasMessage("column 'img': pixel 2 is 256, outside 0-255");
        assertThatThrownBy(() -> RecordTableBuilder.single(specs, Map.of("mass", 1)))
                .hasMessage("column 'img': an image is required, got none");
    }

    @Test
    void aNumberForACategoryIsRefused() {
        assertThatThrownBy(() -> RecordTableBuilder.single(specs, Map.of("island", 3, "img", new byte[4])))
                .hasMessage("column 'island': expected a string, got Integer 3");
    }

    @Test
    void booleansAreNumbersOneAndZero() {
        Table table = RecordTableBuilder.single(List.of(ColumnSpec.numeric("flag")), Map.of("flag", true));

        assertThat(table.numeric("flag").get(0)).isEqualTo(1.0);
    }
}
