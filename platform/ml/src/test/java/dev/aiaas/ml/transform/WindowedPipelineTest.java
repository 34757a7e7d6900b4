package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.sequence.WindowSpec;
import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowedPipelineTest {

    private static final WindowSpec TWO_DAYS = new WindowSpec("date", null, "temp", 2, 1, 1);

    private static FittedPipeline fitted() {
        Table train = Table.of(CategoricalColumn.of("date", "2015-01-01", "2015-01-02", "2015-01-03"),
                NumericColumn.of("temp", 2, 4, 6));
        return new Pipeline(List.of(new CyclicalTime("date", List.of(TimePeriod.YEAR)), new Standardize()),
                LabelTask.REGRESSION).fit(train).withWindow(TWO_DAYS);
    }

    @Test
    void aWindowOfRawRecordsIsTransformedRowByRowStepMajor() {
        FittedPipeline pipeline = fitted();

        float[] example = pipeline.applyWindow(List.of(Map.of("date", "2015-01-02", "temp", 4.0),
                Map.of("date", "2015-01-03", "temp", 6.0)));

        Table same = Table.of(CategoricalColumn.of("date", "2015-01-02", "2015-01-03"),
                NumericColumn.of("temp", 4, 6));
        assertThat(pipeline.featureNames()).containsExactly("date_year_sin", "date_year_cos", "temp");
        assertThat(example).hasSize(6).isEqualTo(pipeline.apply(same).values());
    }

    @Test
    void theWindowSurvivesTheJsonDocumentAndAnUnwindowedOneHasNone() {
        FittedPipeline read = FittedPipelineJson.read(FittedPipelineJson.write(fitted()));

        assertThat(read.window()).contains(TWO_DAYS);
        assertThat(FittedPipelineJson.write(Pipeline.of(new Standardize())
                .fit(Table.of(NumericColumn.of("a", 1, 2))))).doesNotContain("window");
    }

    @Test
    void aWindowOfTheWrongLengthOrWithAMissingColumnIsRefused() {
        FittedPipeline pipeline = fitted();
        Map<String, Object> noTemp = new HashMap<>(Map.of("date", "2015-01-02"));

        assertThatThrownBy(() -> pipeline.applyWindow(List.of(Map.of("date", "2015-01-02", "temp", 4.0))))
                .hasMessageContaining("windows of 2 rows").hasMessageContaining("got 1");
        assertThatThrownBy(() -> pipeline.applyWindow(List.of(Map.of("date", "2015-01-02", "temp", 4.0), noTemp)))
                .hasMessageContaining("row 1").hasMessageContaining("'temp'");
    }

    @Test
    void aSingleRowPipelineRefusesWindows() {
        FittedPipeline single = Pipeline.of(new Standardize()).fit(Table.of(NumericColumn.of("a", 1, 2)));

        assertThatThrownBy(() -> single.applyWindow(List.of(Map.of("a", 1.0))))
                .hasMessageContaining("single rows");
    }
}
