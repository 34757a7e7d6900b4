package dev.aiaas.bench.training;

import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelEvaluator;
import dev.aiaas.models.ModelTrainer;
import dev.aiaas.models.TrainingPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: the platform's {@link ModelTrainer} called in the benchmark's JVM on splits
 * already in memory, with no service around it: no queue, no download, no checkpoints, no
 * progress records, no cancellation checks, no evaluation, artifacts or registration in the
 * timed part (the listener only notes when each epoch ends). It is the very loop the worker
 * runs (same model, loss, optimizer, mini-batches and per-epoch validation pass), so the
 * difference is what the service adds.
 */
final class BareLoop {

    private final DigitsWorkload workload;
    private final PreparedSplits splits;

    BareLoop(DigitsWorkload workload, PreparedSplits splits) {
        this.workload = workload;
        this.splits = splits;
    }

    /** Trains for {@code epochs}, timed; then evaluates on the test split, untimed. */
    TrainingRun run(int epochs) {
        TrainingPlan plan = workload.plan(epochs);
        List<Long> epochEnds = new ArrayList<>();
        long start = System.nanoTime();
        try (LoadedModel model = new ModelTrainer().train(workload.modelSpec(), plan, splits.train(),
                splits.validation(), report -> epochEnds.add(System.nanoTime()), () -> false)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double epoch = TrainingRun.meanEpoch(epochEnds.get(0) / 1e9, epochEnds.get(epochEnds.size() - 1) / 1e9,
                    epochs);
            return TrainingRun.bare(seconds, epoch,
                    ModelEvaluator.evaluate(model, splits.test()).metrics().get("accuracy"));
        }
    }
}
