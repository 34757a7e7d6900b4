package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancellation, device choice and data checks of the trainer. */
class TrainingControlTest {

    private static final ModelSpec SPEC = ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(8), 3);

    @Test
    void cancellationStopsTrainingBetweenBatches() throws Exception {
        RealData.Splits iris = RealData.iris();
        AtomicInteger asked = new AtomicInteger();
        List<EpochReport> reports = new ArrayList<>();

        // 105 rows in batches of 10: 11 batches an epoch; cancel on the 3rd batch of epoch 2
        assertThatThrownBy(() -> new ModelTrainer().train(SPEC, new TrainingPlan(50, 10, 0.01, 1, DevicePreference.CPU),
                iris.train(), iris.validation(), reports::add, () -> asked.incrementAndGet() > 13))
                .isInstanceOfSatisfying(TrainingCancelledException.class, e -> assertThat(e.epoch()).isEqualTo(2));
        assertThat(reports).hasSize(1);
        assertThat(asked).hasValue(14);
    }

    @Test
    void aListenerCanStopTrainingAfterAnEpoch() throws Exception {
        RealData.Splits iris = RealData.iris();

        assertThatThrownBy(() -> new ModelTrainer().train(SPEC, new TrainingPlan(50, 10, 0.01, 1, DevicePreference.CPU),
                iris.train(), iris.validation(), report -> {
                    throw new TrainingCancelledException(report.epoch());
                }, () -> false))
                .isInstanceOfSatisfying(TrainingCancelledException.class, e -> assertThat(e.epoch()).isEqualTo(1));
    }

    @Test
    void askingForAMissingGpuIsRefusedWithWhatToDo() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");

        assertThatThrownBy(DevicePreference.GPU::resolve)
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessageContaining("no GPU").hasMessageContaining("AUTO or CPU");
        assertThat(DevicePreference.describe(DevicePreference.AUTO.resolve())).isEqualTo("cpu");
    }

    @Test
    void dataOfAnotherShapeOrTaskIsRefused() throws Exception {
        RealData.Splits iris = RealData.iris();
        ModelSpec wide = ModelSpec.withDefaults(ModelFamily.MLP, List.of(5), List.of(), 3);
        ModelSpec regression = new ModelSpec(ModelFamily.LINEAR_REGRESSION, List.of(4), List.of(), 1);
        TrainingPlan plan = new TrainingPlan(1, 10, 0.01, 1, DevicePreference.CPU);

        assertThatThrownBy(() -> new ModelTrainer().train(wide, plan, iris.train(), iris.validation(), r -> { }, () -> false))
                .hasMessageContaining("have 4 values").hasMessageContaining("[5]");
        assertThatThrownBy(() -> new ModelTrainer().train(regression, plan, iris.train(), iris.validation(), r -> { },
                () -> false)).hasMessageContaining("numeric targets");
    }
}
