package dev.aiaas.monitoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinFivePercentOfTheTrueValue() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            histogram.add(ms / 1000.0);
        }

        assertThat(histogram.percentile(0.50)).isCloseTo(0.500, within(0.025));
        assertThat(histogram.percentile(0.95)).isCloseTo(0.950, within(0.048));
        assertThat(histogram.percentile(0.99)).isCloseTo(0.990, within(0.050));
        assertThat(histogram.total()).isEqualTo(1000);
    }

    @Test
    void mergedWindowsGiveThePercentilesOfTheirUnion() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            fast.add(0.002);
        }
        for (int i = 0; i < 10; i++) {
            slow.add(0.200);
        }

        fast.merge(slow);

        assertThat(fast.percentile(0.50)).isCloseTo(0.002, within(0.0001));
        assertThat(fast.percentile(0.95)).isCloseTo(0.200, within(0.010));
    }

    @Test
    void emptyHistogramReportsZero() {
        assertThat(new LatencyHistogram().percentile(0.99)).isZero();
    }
}
