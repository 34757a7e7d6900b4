package dev.aiaas.serving.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.table.ColumnSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawSampleTest {

    @Test
    void everyColumnIsSampledAsANumberAndTheCategoricalOnesAlsoAsTheirText() {
        List<ColumnSpec> columns = List.of(ColumnSpec.numeric("weight"),
                ColumnSpec.categorical("origin"), ColumnSpec.numeric("cylinders"));
        Map<String, Object> missingOrigin = new HashMap<>(Map.of("weight", 3100.0, "cylinders", 6L));
        missingOrigin.put("origin", null);

        RawSample sample = RawSample.of(List.of(Map.of("weight", 2500.0, "origin", "Japan", "cylinders", 4L),
                missingOrigin), columns);

        assertThat(sample.names()).containsExactly("weight", "origin", "cylinders");
        assertThat(sample.numbers()).containsExactly(2500.0, Double.NaN, 4.0, 3100.0, Double.NaN, 6.0);
        assertThat(sample.categoricalNames()).containsExactly("origin");
        assertThat(sample.categories()).containsExactly("Japan", "");
    }
}
