package dev.aiaas.ml.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WindowsTest {

    private static final WindowSpec TWO_BACK_ONE_AHEAD = new WindowSpec("t", null, "y", 2, 1, 1);

    @Test
    void eachExampleIsTheWindowsRowsStepMajorAndTheTargetThatFollows() {
        // one feature per row, equal to the row's time; the target is 10 * time
        float[] features = {3, 1, 2, 4, 0};
        double[] times = {3, 1, 2, 4, 0};
        double[] target = {30, 10, 20, 40, 0};

        Windows windows = Windows.cut(features, 1, target, times, null, TWO_BACK_ONE_AHEAD);

        assertThat(windows.count()).isEqualTo(3);
        assertThat(windows.x()).containsExactly(0, 1, 1, 2, 2, 3);
        assertThat(windows.y()).containsExactly(20, 30, 40);
    }

    @Test
    void windowsNeverCrossSeries() {
        float[] features = {0, 1, 2, 10, 11, 12};
        double[] times = {0, 1, 2, 0, 1, 2};
        double[] target = {0, 1, 2, 10, 11, 12};
        String[] groups = {"a", "a", "a", "b", "b", "b"};

        Windows windows = Windows.cut(features, 1, target, times, groups,
                new WindowSpec("t", "g", "y", 2, 1, 1));

        assertThat(windows.count()).isEqualTo(2);
        assertThat(windows.x()).containsExactly(0, 1, 10, 11);
        assertThat(windows.y()).containsExactly(2, 12);
    }

    @Test
    void horizonStrideAndSeveralFeaturesPerStep() {
        int rows = 8;
        float[] features = new float[rows * 2];
        double[] times = new double[rows];
        double[] target = new double[rows];
        for (int row = 0; row < rows; row++) {
            features[2 * row] = row;
            features[2 * row + 1] = -row;
            times[row] = row;
            target[row] = 100 + row;
        }

        Windows windows = Windows.cut(features, 2, target, times, null, new WindowSpec("t", null, "y", 3, 2, 2));

        // window ends at 3 and 5 (targets 3..4 and 5..6); 7 has no second target
        assertThat(windows.count()).isEqualTo(2);
        assertThat(windows.x()).containsExactly(0, 0, 1, -1, 2, -2, 2, -2, 3, -3, 4, -4);
        assertThat(windows.y()).containsExactly(103, 104, 105, 106);
    }

    @Test
    void aWindowWhoseTargetIsMissingIsLeftOut() {
        float[] features = {0, 1, 2, 3};
        double[] times = {0, 1, 2, 3};
        double[] target = {0, 1, Double.NaN, 3};

        Windows windows = Windows.cut(features, 1, target, times, null, new WindowSpec("t", null, "y", 1, 1, 1));

        assertThat(windows.y()).containsExactly(1, 3);
    }

    @Test
    void tooFewRowsGiveNoExamplesRatherThanAnError() {
        Windows windows = Windows.cut(new float[] {0, 1}, 1, new double[] {0, 1}, new double[] {0, 1}, null,
                new WindowSpec("t", null, "y", 2, 1, 1));

        assertThat(windows.count()).isZero();
    }

    @Test
    void twoRowsOfOneSeriesAtTheSameTimeAreRefused() {
        assertThatThrownBy(() -> Windows.cut(new float[] {0, 1, 2}, 1, new double[] {0, 1, 2},
                new double[] {0, 1, 1}, null, TWO_BACK_ONE_AHEAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share the time").hasMessageContaining("group column");
    }
}
