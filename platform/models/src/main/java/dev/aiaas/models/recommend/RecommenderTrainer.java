package dev.aiaas.models.recommend;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.models.EpochListener;
import dev.aiaas.models.EpochReport;
import dev.aiaas.models.TrainingCancelledException;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Fits the {@link FactorBlock} of a spec (separate tables or shared ids) to implicit feedback
 * with Bayesian personalised ranking: every observed (user, item) pair of an epoch, in shuffled
 * mini-batches, is pushed to score above {@link RecommenderPlan#negatives()} items the user has
 * not interacted with (nor, sharing ids, its own id), drawn afresh each epoch; each pair's loss
 * is weighted by its weight over the mean weight, so the learning rate means the same whether
 * weights are counts or ones. Adam with weight decay.
 *
 * <p>Seeded: the engine's random seed (the initial vectors), the shuffles and the negatives all
 * come from the plan. The engine's seed is process-wide: train one model at a time per process.
 */
public final class RecommenderTrainer {

    /** The cut-off of the validation metrics reported after each epoch ({@code recall_at_10}, ...). */
    public static final int VALIDATION_K = 10;

    /** Trains as the six-argument {@code train} does, without progress reports or cancellation. */
    public LoadedRecommender train(RecommenderSpec spec, RecommenderPlan plan, Interactions train,
            Interactions validation) {
        return train(spec, plan, train, validation, report -> { }, () -> false);
    }

    /**
     * Trains and returns the fitted recommender (the caller closes it), which leaves out of its
     * recommendations the items of {@code train}.
     *
     * @param validation held-out interactions over the same index, ranked after every epoch (their
     *                   metrics reach the listener); {@link Interactions#none} for none
     * @param listener   told after every epoch with the mean training loss per pair and the validation metrics
     * @param cancelled  asked between batches; when it answers true, training stops
     * @throws TrainingCancelledException when {@code cancelled} answered true
     * @throws IllegalArgumentException   when the interactions do not fit the spec, there are none to
     *                                    train on, or a user has every item (no negative to draw)
     */
    public LoadedRecommender train(RecommenderSpec spec, RecommenderPlan plan, Interactions train,
            Interactions validation, EpochListener listener, BooleanSupplier cancelled) {
        spec.checkFits(train, "training");
        spec.checkFits(validation, "validation");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training interactions: a recommender learns from observed pairs");
        }
        FactorBlock block = FactorBlock.of(spec, train.index());
        NegativeSampler negatives = new NegativeSampler(train, block::selfItem);
        Device device = plan.device().resolve();
        Engine.getInstance().setRandomSeed(Long.hashCode(plan.seed()));
        Model model = Model.newInstance(LoadedRecommender.MODEL_NAME, device);
        try {
            model.setBlock(block);
            fit(model, block, plan, train, validation, negatives, listener, cancelled);
            return new LoadedRecommender(spec, train, model);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private static void fit(Model model, FactorBlock block, RecommenderPlan plan, Interactions train,
            Interactions validation, NegativeSampler negatives, EpochListener listener, BooleanSupplier cancelled) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(new BprLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) plan.learningRate()))
                        .optWeightDecays((float) plan.weightDecay()).build())
                .optDevices(new Device[] {model.getNDManager().getDevice()});
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(FactorBlock.inputShapes(1 + plan.negatives()));
            PairBatches batches = new PairBatches(train, block, negatives, plan);
            Random random = new Random(plan.seed());
            for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
                double loss = epoch(trainer, batches, batches.shuffledOrder(random), random, cancelled, epoch);
                Map<String, Double> metrics = validation.isEmpty() ? Map.of()
                        : RecommenderEvaluation.evaluate(block.factors(), train, validation, VALIDATION_K).asMap();
                listener.epochFinished(new EpochReport(epoch, plan.epochs(), loss, metrics));
            }
        }
    }

    /** One pass over the shuffled pairs, each with freshly drawn negatives; the mean loss per pair. */
    private static double epoch(Trainer trainer, PairBatches batches, int[] order, Random random,
            BooleanSupplier cancelled, int epoch) {
        double lossSum = 0;
        for (int index = 0; index < batches.count(); index++) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(epoch);
            }
            try (NDManager scope = trainer.getManager().newSubManager()) {
                PairBatches.Batch batch = batches.batch(scope, order, index, random);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList scores = trainer.forward(new NDList(batch.users(), batch.items()));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(batch.weights()), scores);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * batch.size();
                }
                trainer.step();
            }
        }
        return lossSum / order.length;
    }
}
