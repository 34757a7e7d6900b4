package dev.aiaas.ml.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class CyclicalTimeTest {

    @Test
    void theTimeColumnBecomesSineAndCosineOfEachPeriodInItsPlace() {
        Table table = Table.of(NumericColumn.of("a", 1, 2),
                CategoricalColumn.of("date", "2015-01-01", "2015-07-02T12:00"), NumericColumn.of("b", 3, 4));

        Table encoded = new CyclicalTime("date", List.of(TimePeriod.YEAR, TimePeriod.DAY)).fit(table).apply(table);

        assertThat(encoded.columnNames()).containsExactly("a", "date_year_sin", "date_year_cos",
                "date_day_sin", "date_day_cos", "b");
        assertThat(encoded.numeric("date_year_sin").get(0)).isCloseTo(0, within(1e-12));
        assertThat(encoded.numeric("date_year_cos").get(0)).isCloseTo(1, within(1e-12));
        // 2 July at noon is day 182.5 of 365: half way round
        assertThat(encoded.numeric("date_year_cos").get(1)).isCloseTo(-1, within(1e-9));
        assertThat(encoded.numeric("date_day_cos").get(1)).isCloseTo(-1, within(1e-12));
    }

    @Test
    void theLastDayOfTheYearSitsBesideTheFirst() {
        Table table = Table.of(CategoricalColumn.of("d", "2014-12-31", "2015-01-01", "2015-07-01"));

        Table encoded = new CyclicalTime("d", List.of(TimePeriod.YEAR)).fit(table).apply(table);

        double[] sin = encoded.numeric("d_year_sin").values();
        double[] cos = encoded.numeric("d_year_cos").values();
        assertThat(Math.hypot(sin[0] - sin[1], cos[0] - cos[1])).isLessThan(0.02);
        assertThat(Math.hypot(sin[2] - sin[1], cos[2] - cos[1])).isGreaterThan(1.9);
    }

    @Test
    void weekdaysStartOnMonday() {
        Table table = Table.of(CategoricalColumn.of("d", "2015-01-05")); // a Monday

        Table encoded = new CyclicalTime("d", List.of(TimePeriod.WEEK)).fit(table).apply(table);

        assertThat(encoded.numeric("d_week_sin").get(0)).isCloseTo(0, within(1e-12));
        assertThat(encoded.numeric("d_week_cos").get(0)).isCloseTo(1, within(1e-12));
    }
}
