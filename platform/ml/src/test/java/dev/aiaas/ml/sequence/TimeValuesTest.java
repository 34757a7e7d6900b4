package dev.aiaas.ml.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import org.junit.jupiter.api.Test;

class TimeValuesTest {

    @Test
    void readsIsoDatesDateTimesWithAndWithoutOffsetsAndEpochSeconds() {
        CategoricalColumn text = CategoricalColumn.of("t", "1970-01-02", "1970-01-01T01:00", "1970-01-01T02:00:00Z",
                "1970-01-01T03:00:00+01:00");

        assertThat(TimeValues.epochSeconds(text)).containsExactly(86_400, 3_600, 7_200, 7_200);
        assertThat(TimeValues.epochSeconds(NumericColumn.of("t", 5, 6.5))).containsExactly(5, 6.5);
    }

    @Test
    void aMissingOrUnreadableTimeNamesItsRow() {
        assertThatThrownBy(() -> TimeValues.epochSeconds(CategoricalColumn.of("t", "2015-01-01", null)))
                .hasMessageContaining("row 1").hasMessageContaining("no time");
        assertThatThrownBy(() -> TimeValues.epochSeconds(CategoricalColumn.of("t", "01/02/2015")))
                .hasMessageContaining("row 0").hasMessageContaining("ISO-8601");
    }
}
