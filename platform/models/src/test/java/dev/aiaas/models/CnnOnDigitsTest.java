package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.metrics.ClassificationMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small CNN on a slice of the real MNIST digits, sized to run in seconds on a 2-core CI
 * machine: 4,000 training digits, 3 epochs.
 */
class CnnOnDigitsTest {

    @Test
    void smallCnnRecognisesNinetyPercentOfHeldOutDigitsWithinSeconds() throws Exception {
        RealData.Splits digits = RealData.digits(4000, 500, 2000);
        ModelSpec spec = ModelSpec.withDefaults(ModelFamily.CNN, List.of(1, 28, 28), List.of(), 10);
        List<EpochReport> reports = new ArrayList<>();

        long start = System.nanoTime();
        try (LoadedModel model = new ModelTrainer().train(spec, new TrainingPlan(3, 64, 0.005, 1, DevicePreference.AUTO),
                digits.train(), digits.validation(), reports::add, () -> false)) {
            Duration training = Duration.ofNanos(System.nanoTime() - start);
            ClassificationMetrics metrics = ModelEvaluator.classification(model, digits.test());

            System.out.printf("CNN %s on %d digits: %d epochs in %d ms on %s, held-out accuracy %.4f, macro F1 %.4f%n",
                    spec.hiddenUnits(), digits.train().rows(), reports.size(), training.toMillis(), model.device(),
                    metrics.accuracy(), metrics.f1Macro());
            assertThat(spec.hiddenUnits()).isEqualTo(ModelSpec.DEFAULT_CNN_CHANNELS);
            assertThat(metrics.accuracy()).isGreaterThanOrEqualTo(0.90);
            assertThat(reports).hasSize(3);
            assertThat(reports.get(2).validation().get("accuracy")).isGreaterThanOrEqualTo(0.90);
            assertThat(training).isLessThan(Duration.ofSeconds(60));
        }
    }
}
