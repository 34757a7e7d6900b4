package dev.aiaas.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run saves its parameters after every epoch, and a run resumed from one ends where an uninterrupted one does. */
class CheckpointResumeTest {

    private static final ModelSpec SPEC = ModelSpec.withDefaults(ModelFamily.MLP, List.of(1, 28, 28), List.of(64), 10);
    private static final TrainingPlan PLAN = new TrainingPlan(6, 64, 0.002, 7, DevicePreference.CPU);

    @TempDir
    Path scratch;

    @Test
    void aRunResumedAfterThreeEpochsEndsWithinOnePointOfAnUninterruptedRun() throws Exception {
        RealData.Splits digits = RealData.digits(3000, 500, 2000);
        Map<Integer, Path> saved = new TreeMap<>();
        Checkpoints keepAll = new Checkpoints(Optional.empty(), scratch.resolve("work"), (epoch, parameters) -> {
            Path copy = scratch.resolve("kept-" + epoch + ".params");
            copyOf(parameters, copy);
            saved.put(epoch, copy);
        });

        double uninterrupted;
        try (LoadedModel model = new ModelTrainer().train(SPEC, PLAN, digits.train(), digits.validation(), r -> { },
                () -> false, keepAll)) {
            uninterrupted = ModelEvaluator.classification(model, digits.test()).accuracy();
        }
        List<Integer> resumedEpochs = new ArrayList<>();
        Checkpoints fromThird = new Checkpoints(Optional.of(new Checkpoints.ResumePoint(3, saved.get(3))),
                scratch.resolve("resumed"), (epoch, parameters) -> { });
        double resumed;
        try (LoadedModel model = new ModelTrainer().train(SPEC, PLAN, digits.train(), digits.validation(),
                report -> resumedEpochs.add(report.epoch()), () -> false, fromThird)) {
            resumed = ModelEvaluator.classification(model, digits.test()).accuracy();
        }

        System.out.printf("MLP on digits: uninterrupted %.4f, resumed after epoch 3 %.4f%n", uninterrupted, resumed);
        assertThat(saved).containsOnlyKeys(1, 2, 3, 4, 5, 6);
        assertThat(saved.values()).allSatisfy(file -> assertThat(Files.readAllBytes(file)).startsWith('D', 'J', 'L', '@'));
        assertThat(resumedEpochs).containsExactly(4, 5, 6);
        assertThat(uninterrupted).isGreaterThan(0.85);
        assertThat(resumed).isCloseTo(uninterrupted, within(0.01));
        assertThat(scratch.resolve("work")).isEmptyDirectory();
    }

    @Test
    void aCheckpointOfAnotherModelIsRefused() throws Exception {
        RealData.Splits iris = RealData.iris();
        ModelSpec small = ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(8), 3);
        ModelSpec other = ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(16), 3);
        TrainingPlan plan = new TrainingPlan(1, 10, 0.01, 1, DevicePreference.CPU);
        Path[] kept = new Path[1];
        try (LoadedModel ignored = new ModelTrainer().train(small, plan, iris.train(), iris.validation(), r -> { },
                () -> false, new Checkpoints(Optional.empty(), scratch.resolve("small"), (epoch, parameters) -> {
                    kept[0] = scratch.resolve("small.params");
                    copyOf(parameters, kept[0]);
                }))) {
            assertThat(kept[0]).exists();
        }

        Checkpoints wrong = new Checkpoints(Optional.of(new Checkpoints.ResumePoint(1, kept[0])), scratch.resolve("x"),
                (epoch, parameters) -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModelTrainer().train(other,
                new TrainingPlan(2, 10, 0.01, 1, DevicePreference.CPU), iris.train(), iris.validation(), r -> { },
                () -> false, wrong)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
    }

    private static void copyOf(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
