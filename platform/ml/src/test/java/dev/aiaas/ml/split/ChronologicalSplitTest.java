package dev.aiaas.ml.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChronologicalSplitTest {

    @Test
    void theEarliestRowsTrainAndTheLatestTestWhateverTheTableOrder() {
        double[] times = {9, 0, 5, 1, 8, 2, 7, 3, 6, 4};

        SplitIndices split = new ChronologicalSplit(0.6, 0.2).split(times);

        assertThat(split.train()).containsExactly(1, 2, 3, 5, 7, 9);
        assertThat(split.validation()).containsExactly(6, 8);
        assertThat(split.test()).containsExactly(0, 4);
    }

    @Test
    void rowsSharingATimeStayInOneSplitSoEverySeriesIsCutAtTheSameInstant() {
        // two series, a and b, five days each
        double[] times = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};

        SplitIndices split = new ChronologicalSplit(0.5, 0.2).split(times);

        assertThat(split.train()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(split.validation()).containsExactly(6, 7);
        assertThat(split.test()).containsExactly(8, 9);
    }

    @Test
    void seattleSizedSeriesSplitsSeventyFifteenFifteen() {
        double[] days = new double[1461];
        for (int day = 0; day < days.length; day++) {
            days[day] = day;
        }

        SplitIndices split = new ChronologicalSplit(0.7, 0.15).split(days);

        assertThat(new int[] {split.train().length, split.validation().length, split.test().length})
                .containsExactly(1023, 219, 219);
        assertThat(split.train()[split.train().length - 1]).isLessThan(split.validation()[0]);
    }

    @Test
    void sharesThatLeaveNoTestSplitAreRefused() {
        assertThatThrownBy(() -> new ChronologicalSplit(0.8, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test split");
    }
}
