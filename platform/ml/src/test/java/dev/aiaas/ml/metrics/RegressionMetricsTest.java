package dev.aiaas.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

    @Test
    void metricsOfTheScikitLearnExample() {
        // errors 0.5, -0.5, 0, -1; mean 2.875, SS_tot 29.1875, SS_res 1.5
        RegressionMetrics metrics = RegressionMetrics.compute(
                new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8});

        assertThat(metrics.mse()).isCloseTo(0.375, within(1e-12));
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(0.375), within(1e-12));
        assertThat(metrics.mae()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.r2()).isCloseTo(1 - 1.5 / 29.1875, within(1e-12));
    }

    @Test
    void floatPredictionsGiveTheSameMetrics() {
        RegressionMetrics metrics = RegressionMetrics.compute(
                new float[] {3, -0.5f, 2, 7}, new float[] {2.5f, 0, 2, 8});

        assertThat(metrics.r2()).isCloseTo(0.9486081370449679, within(1e-12));
    }

    @Test
    void constantActualValuesGiveROfOneWhenPerfectAndZeroOtherwise() {
        assertThat(RegressionMetrics.compute(new double[] {4, 4}, new double[] {4, 4}).r2()).isEqualTo(1);
        assertThat(RegressionMetrics.compute(new double[] {4, 4}, new double[] {3, 5}).r2()).isEqualTo(0);
    }

    @Test
    void noValuesAreRefused() {
        assertThatThrownBy(() -> RegressionMetrics.compute(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
