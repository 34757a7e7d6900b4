package dev.aiaas.cli.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

    @Test
    void csvColumnsGetTheNarrowestTypeTheirValuesFitAndEmptyCellsMakeThemNullable() throws Exception {
        String csv = """
                species,island,beak_length_mm,flipper_length_mm,tagged,sex
                Adelie,Torgersen,39.1,181,true,MALE
                Adelie,Torgersen,39,186,false,FEMALE
                Adelie,Torgersen,,,true,
                Gentoo,"Biscoe, north",46.1,211,false,FEMALE
                """;

        SchemaInference.Inferred inferred = SchemaInference.fromCsv(new StringReader(csv), 1000);

        assertThat(inferred.rowsRead()).isEqualTo(4);
        assertThat(inferred.schema().getColumnsList()).containsExactly(
                column("species", ColumnType.STRING, false),
                column("island", ColumnType.STRING, false),
                column("beak_length_mm", ColumnType.DOUBLE, true),
                column("flipper_length_mm", ColumnType.INT64, true),
                column("tagged", ColumnType.BOOL, false),
                column("sex", ColumnType.STRING, true));
    }

    @Test
    void onlyTheSampledRowsAreReadSoALaterRowCannotWidenATypeThere() throws Exception {
        String csv = "n,note\n1,a\n2,b\nthree,\n";

        Schema schema = SchemaInference.fromCsv(new StringReader(csv), 2).schema();

        assertThat(schema.getColumnsList()).containsExactly(column("n", ColumnType.INT64, false),
                column("note", ColumnType.STRING, false));
    }

    @Test
    void jsonLinesTypesComeFromTheJsonValuesAndAbsentOrNullKeysAreNullable() throws Exception {
        String jsonl = """
                {"species": "Adelie", "mass": 3750, "beak": 39.1, "male": true}
                {"species": "Adelie", "mass": 3800.5, "beak": null, "male": false}

                {"species": "Gentoo", "mass": 5000, "beak": 46.1, "male": true, "tag": "x1"}
                """;

        SchemaInference.Inferred inferred = SchemaInference.fromJsonLines(new StringReader(jsonl), 1000);

        assertThat(inferred.rowsRead()).isEqualTo(3);
        assertThat(inferred.schema().getColumnsList()).containsExactly(
                column("species", ColumnType.STRING, false),
                column("mass", ColumnType.DOUBLE, false),
                column("beak", ColumnType.DOUBLE, true),
                column("male", ColumnType.BOOL, false),
                column("tag", ColumnType.STRING, true));
    }

    @Test
    void aNumberColumnWithOneTextValueIsTextAndAColumnNeverFilledIsNullableText() throws Exception {
        String csv = "code,empty\n12,\nA7,\n";

        Schema schema = SchemaInference.fromCsv(new StringReader(csv), 1000).schema();

        assertThat(schema.getColumnsList()).containsExactly(column("code", ColumnType.STRING, false),
                column("empty", ColumnType.STRING, true));
    }

    @Test
    void theLabelIsNeverNullableAndAnUnknownLabelIsAUsageError() throws Exception {
        Schema inferred = SchemaInference.fromCsv(new StringReader("x,y\n1,\n2,b\n"), 10).schema();

        Schema labelled = SchemaView.withLabel(inferred, "y");

        assertThat(labelled.getLabelColumn()).isEqualTo("y");
        assertThat(labelled.getColumns(1).getNullable()).isFalse();
        assertThatThrownBy(() -> SchemaView.withLabel(inferred, "z")).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("--label z is not one of the columns [x, y]");
    }

    @Test
    void arraysInJsonLinesCannotBeInferredAndSaySoToDeclareTheSchema() {
        assertThatThrownBy(() -> SchemaInference.fromJsonLines(new StringReader("{\"image\": [0, 255]}\n"), 10))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("--column");
    }

    private static Column column(String name, ColumnType type, boolean nullable) {
        return Column.newBuilder().setName(name).setType(type).setNullable(nullable).build();
    }
}
