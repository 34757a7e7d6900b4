package dev.aiaas.models;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.aiaas.ml.transform.LabelTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Fits a model of a {@link ModelSpec} with Adam: softmax cross-entropy for classifiers, L2
 * loss (mean squared error) for regression, on targets standardised with a {@link TargetScaling}
 * fitted on the training split (for a forecaster anchored on the last value, on the targets'
 * differences from it), which the returned model's spec carries. An anomaly detector
 * learns to reconstruct the normal training rows (L2 loss) and its spec carries the
 * {@link AnomalyThreshold} fitted on the normal validation rows. Seeded: the engine's
 * random seed (parameter initialisation) and the per-epoch shuffle both come from the plan, so
 * the same plan on the same data trains the same model on the CPU. The engine's seed is process-wide: train one model at a time per
 * process, as the training worker does, for that promise to hold.
 */
public final class ModelTrainer {

    /**
     * Trains and returns the fitted model (the caller closes it).
     *
     * @param listener  told after every epoch with the train loss and validation metrics
     * @param cancelled asked between batches; when it answers true, training stops
     * @throws TrainingCancelledException  when {@code cancelled} answered true
     * @throws GpuUnavailableException     when the plan asks for a GPU this machine lacks
     * @throws IllegalArgumentException    when the data does not fit the spec
     */
    public LoadedModel train(ModelSpec spec, TrainingPlan plan, LabelledData train, LabelledData validation,
            EpochListener listener, BooleanSupplier cancelled) {
        return train(spec, plan, train, validation, listener, cancelled, Checkpoints.none());
    }

    /**
     * Trains as {@link #train(ModelSpec, TrainingPlan, LabelledData, LabelledData, EpochListener, BooleanSupplier)},
     * resuming from a checkpoint and saving one after every epoch (before the listener hears of it).
     * A resumed run loads the checkpoint's parameters and replays the seeded shuffles of the
     * epochs it skips, so its remaining epochs see the batches an uninterrupted run would.
     *
     * @throws IllegalArgumentException also when the checkpoint does not fit the spec
     */
    public LoadedModel train(ModelSpec spec, TrainingPlan plan, LabelledData train, LabelledData validation,
            EpochListener listener, BooleanSupplier cancelled, Checkpoints checkpoints) {
        checkFits(spec, train, "training");
        checkFits(spec, validation, "validation");
        if (spec.anomalyDetector()) {
            return anomalyDetector(spec, plan, train, validation, listener, cancelled, checkpoints);
        }
        if (!spec.classifier()) {
            // The optimiser learns standardised targets; the model answers in the targets' units.
            // An anchored forecaster learns the residual from the last value; scaled by its own std rather
            // than the target's (0.4 of it for Seattle's daily maximum) it forecast better in SeattleForecastTest.
            TargetScaling scaling = TargetScaling.fit(spec.anchor() == null ? train.targets() : residuals(spec, train));
            return train(spec.withScaling(scaling), plan, scaled(train, scaling), scaled(validation, scaling),
                    listener, cancelled, checkpoints, device(plan));
        }
        return train(spec, plan, train, validation, listener, cancelled, checkpoints, device(plan));
    }

    /**
     * Learns to reconstruct the normal training rows only, then sets the threshold at the plan's
     * quantile of the normal validation rows' scores.
     */
    private LoadedModel anomalyDetector(ModelSpec spec, TrainingPlan plan, LabelledData train,
            LabelledData validation, EpochListener listener, BooleanSupplier cancelled, Checkpoints checkpoints) {
        LoadedModel fitted = train(spec, plan, train.select(train.rowsOfClass(0)), validation, listener, cancelled,
                checkpoints, device(plan));
        try {
            double[] normalScores = AnomalyEvaluation.scores(fitted, validation.select(validation.rowsOfClass(0)));
            return fitted.withThreshold(AnomalyThreshold.fit(normalScores, plan.anomalyQuantile()));
        } catch (RuntimeException e) {
            fitted.close();
            throw e;
        }
    }

    /** How far each target lies from the window's last value: what an anchored forecaster learns. */
    private static float[] residuals(ModelSpec spec, LabelledData data) {
        int window = spec.inputShape().get(0);
        int features = spec.inputShape().get(1);
        int horizon = data.targetSize();
        float[] residuals = new float[data.targets().length];
        for (int r = 0; r < data.rows(); r++) {
            double last = spec.anchor().lastValue(data.features(), r, window, features);
            for (int k = 0; k < horizon; k++) {
                residuals[r * horizon + k] = (float) (data.targets()[r * horizon + k] - last);
            }
        }
        return residuals;
    }

    private static Device device(TrainingPlan plan) {
        return plan.device().resolve();
    }

    private static LabelledData scaled(LabelledData data, TargetScaling scaling) {
        return LabelledData.regression(data.features(), scaling.scale(data.targets()), data.rows());
    }

    private LoadedModel train(ModelSpec spec, TrainingPlan plan, LabelledData train, LabelledData validation,
            EpochListener listener, BooleanSupplier cancelled, Checkpoints checkpoints, Device device) {
        Engine.getInstance().setRandomSeed(Long.hashCode(plan.seed()));
        Model model = Model.newInstance(LoadedModel.MODEL_NAME, device);
        try {
            model.setBlock(ModelFamilies.block(spec));
            if (checkpoints.resume().isPresent()) {
                try (InputStream in = Files.newInputStream(checkpoints.resume().get().parameters())) {
                    LoadedModel.loadInto(model, spec, in);
                }
            }
            fit(model, spec, plan, train, validation, listener, cancelled, checkpoints);
            return new LoadedModel(spec, model);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot read the checkpoint to resume from: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private static void fit(Model model, ModelSpec spec, TrainingPlan plan, LabelledData train, LabelledData validation,
            EpochListener listener, BooleanSupplier cancelled, Checkpoints checkpoints) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(
                spec.classifier() ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss("L2Loss", 1))
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) plan.learningRate())).build())
                .optDevices(new Device[] {model.getNDManager().getDevice()});
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(spec.batchShape(1)));
            MiniBatches batches = new MiniBatches(spec, train, plan.batchSize());
            Random shuffle = new Random(plan.seed());
            for (int skipped = 1; skipped <= checkpoints.completedEpochs(); skipped++) {
                batches.shuffledOrder(shuffle);
            }
            for (int epoch = checkpoints.completedEpochs() + 1; epoch <= plan.epochs(); epoch++) {
                double loss = epoch(trainer, batches, batches.shuffledOrder(shuffle), cancelled, epoch);
                if (checkpoints.saving()) {
                    saveCheckpoint(model, epoch, checkpoints);
                }
                listener.epochFinished(new EpochReport(epoch, plan.epochs(), loss,
                        ValidationScore.of(trainer, spec, validation)));
            }
        }
    }

    private static void saveCheckpoint(Model model, int epoch, Checkpoints checkpoints) {
        Path folder = checkpoints.folder().resolve("epoch-" + epoch);
        try {
            Path parameters = LoadedModel.save(model, folder);
            checkpoints.sink().saved(epoch, parameters);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint of epoch " + epoch + " under " + folder, e);
        }
    }

    /** One pass over the shuffled rows; the mean training loss per row. */
    private static double epoch(Trainer trainer, MiniBatches batches, int[] order, BooleanSupplier cancelled,
            int epoch) {
        double lossSum = 0;
        for (int index = 0; index < batches.count(); index++) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(epoch);
            }
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList batch = batches.batch(scope, order, index);
                NDArray features = batch.get(0);
                NDArray labels = batch.get(1);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(features));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * features.getShape().get(0);
                }
                trainer.step();
            }
        }
        return lossSum / order.length;
    }

    private static void checkFits(ModelSpec spec, LabelledData data, String split) {
        if (data.rowSize() != spec.inputSize()) {
            throw new IllegalArgumentException("the " + split + " rows have " + data.rowSize()
                    + " values but the model's input shape " + spec.inputShape() + " holds " + spec.inputSize());
        }
        if (spec.anomalyDetector()) {
            checkAnomalyLabels(spec, data, split);
            return;
        }
        if (spec.vocabulary() != null) {
            spec.vocabulary().checkIds(data.features(), split);
        }
        if (data.classified() != spec.classifier()) {
            throw new IllegalArgumentException(spec.family() + (spec.classifier()
                    ? " needs class labels (int64 y) but the " + split + " split has numeric targets: train one of "
                            + ModelFamily.supporting(LabelTask.REGRESSION) + " for regression"
                    : " needs numeric targets (float32 y) but the " + split + " split has class labels: train one of "
                            + ModelFamily.supporting(LabelTask.CLASSIFICATION)));
        }
        if (data.classified() && data.classCount() > spec.outputs()
                || !data.classified() && data.targetSize() != spec.outputs()) {
            throw new IllegalArgumentException("the " + split + " labels need " + Math.max(data.classCount(),
                    data.targetSize()) + " outputs but the model has " + spec.outputs());
        }
    }

    /** Anomaly labels are int64 0 (normal) or 1 (anomaly), and each split needs normal rows to learn or fit on. */
    private static void checkAnomalyLabels(ModelSpec spec, LabelledData data, String split) {
        if (!data.classified() || Arrays.stream(data.classes()).anyMatch(label -> label != 0 && label != 1)) {
            throw new IllegalArgumentException(spec.family() + " needs int64 labels 0 (normal) and 1 (anomaly) but the "
                    + split + " split has " + (data.classified() ? "other class indices" : "numeric targets")
                    + ": prepare the data for anomaly detection");
        }
        if (data.rowsOfClass(0).length == 0) {
            throw new IllegalArgumentException("the " + split + " split has no normal rows (label 0): an anomaly "
                    + "detector learns from the normal training rows and sets its threshold on the normal validation rows");
        }
    }
}
