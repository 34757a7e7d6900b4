package dev.aiaas.bench.training;

import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.TrainingPlan;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.training.v1.Device;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.JobSpec;
import java.util.List;
import java.util.Locale;

/**
 * What both sides train: the digits CNN with its default channels (8, 16) on the prepared
 * digits, Adam at {@value #LEARNING_RATE}, batches of {@value #BATCH_SIZE}, seed {@value #SEED}
 * (the demo's settings), for a given number of epochs: as a job spec for the service, and as
 * the model spec and plan the service's worker derives from that spec, for the bare loop.
 */
record DigitsWorkload(PreparedDataset prepared) {

    /**
     * About 45 s of training on an idle 2-core machine (1.1 s an epoch; twice that under load):
     * fixed costs show, yet do not dominate.
     */
    static final int DEFAULT_EPOCHS = 40;
    static final int BATCH_SIZE = 64;
    static final double LEARNING_RATE = 0.001;
    static final long SEED = 7;
    static final String MODEL_NAME = "bench-digits";

    /** The job the service runs: no alias, so no registered version is promoted. */
    JobSpec jobSpec(int epochs) {
        return JobSpec.newBuilder().setDataset(prepared.getDataset()).setDatasetVersion(prepared.getDatasetVersion())
                .setPipeline(prepared.getPipeline().getName())
                .setFamily(dev.aiaas.proto.training.v1.ModelFamily.CNN)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(epochs).setBatchSize(BATCH_SIZE)
                        .setLearningRate(LEARNING_RATE).setSeed(SEED))
                .setDevice(Device.AUTO).setModelName(MODEL_NAME).build();
    }

    /** The model the worker builds for that job: the data's input shape and classes, the family's default channels. */
    ModelSpec modelSpec() {
        return ModelSpec.withDefaults(ModelFamily.CNN,
                prepared.getInputShapeList().stream().map(Math::toIntExact).toList(), List.of(),
                prepared.getClassLabelsCount());
    }

    /** The plan the worker follows for that job. */
    TrainingPlan plan(int epochs) {
        return new TrainingPlan(epochs, BATCH_SIZE, LEARNING_RATE, SEED, DevicePreference.AUTO);
    }

    /** The workload in a sentence, for the results section. */
    String describe(int epochs, int warmUpEpochs, int runs) {
        ModelSpec spec = modelSpec();
        return String.format(Locale.ROOT, "Workload: the digits %s (channels %s, input %s, %d classes) on %s v%d as "
                + "preprocess prepared it (pipeline `%s`; splits %s), %d epochs, batch %d, Adam at %s, seed %d, on the "
                + "CPU. Each side first ran once for %d epoch, unmeasured; then measured runs per side: %d, alternating "
                + "bare loop and service. Medians below.", spec.family(), spec.hiddenUnits(), spec.inputShape(),
                spec.outputs(), prepared.getDataset(), prepared.getDatasetVersion(), prepared.getPipeline().getName(),
                prepared.getSplitsList().stream().map(s -> s.getName() + " " + s.getRows()).toList(), epochs,
                BATCH_SIZE, LEARNING_RATE, SEED, warmUpEpochs, runs);
    }
}
