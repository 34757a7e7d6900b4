package dev.aiaas.training.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.models.TrainingCancelledException;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.models.recommend.MostPopular;
import dev.aiaas.models.recommend.RecommenderEvaluation;
import dev.aiaas.models.recommend.RecommenderPlan;
import dev.aiaas.models.recommend.RecommenderSpec;
import dev.aiaas.models.recommend.RecommenderTrainer;
import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.model.ConfusionMatrix;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.PreparedData;
import dev.aiaas.training.model.StoredFile;
import dev.aiaas.training.storage.CheckpointStore;
import dev.aiaas.training.storage.ModelArtifactWriter;
import dev.aiaas.training.storage.PreparedDatasetReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Trains a recommender job: read the id index and the three splits of interactions, fit the
 * matrix factorisation with progress per epoch (validation recall@10, NDCG@10 and coverage@10
 * after each), rank the test split's held-out items, store the model's three files and register
 * it. Its test metrics carry the most-popular baseline's beside the model's
 * ({@code popular_recall_at_10}, ...), measured on the same split. A recommender keeps no
 * checkpoints: a job that moves to another worker trains again from the start.
 */
@ApplicationScoped
class RecommenderJob {

    /** The cut-off of the recorded test metrics. */
    static final int K = 10;

    private static final Logger LOG = Logger.getLogger(RecommenderJob.class);

    @Inject
    PreparedDatasetReader prepared;

    @Inject
    ModelArtifactWriter artifacts;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    CheckpointStore checkpointStore;

    @Inject
    VersionPublisher publisher;

    @Inject
    TrainingConfig config;

    void train(Job job, PreparedData data, JobFolder folder) {
        JobSpec spec = job.spec();
        IdIndex index = prepared.index(data);
        Interactions train = prepared.interactions(data, "train", folder.path(), index);
        Interactions validation = prepared.interactions(data, "validation", folder.path(), index);
        Interactions test = prepared.interactions(data, "test", folder.path(), index);
        RecommenderSpec model = TrainingSetup.recommenderSpec(spec, data, train);
        RecommenderPlan plan = TrainingSetup.recommenderPlan(spec);
        LOG.infof("job %s: recommender %s on %d training pairs of %s v%d", job.id(), model, train.size(),
                spec.dataset(), spec.datasetVersion());
        CancellationPoll cancelled = new CancellationPoll(() -> lifecycle.running(job.project(), job.id()),
                config.worker().cancelCheckInterval());
        try (EpochRecorder recorder = new EpochRecorder(job.project(), job.id(), lifecycle, checkpointStore,
                folder.path().resolve("recorded"))) {
            try (LoadedRecommender trained = new RecommenderTrainer().train(model, plan, train, validation,
                    recorder::epochFinished, () -> recorder.stopped() || cancelled.getAsBoolean())) {
                recorder.finish();
                Map<String, Double> metrics = testMetrics(trained, train, validation, test);
                if (!lifecycle.running(job.project(), job.id())) {
                    throw new TrainingCancelledException(plan.epochs());
                }
                List<StoredFile> stored = artifacts.writeRecommender(job.project(), spec.modelName(), job.id(),
                        trained, data, folder.path());
                publisher.publish(job, ModelRegistrations.ofRecommender(job, trained.spec(), metrics, stored,
                        config.worker().codeVersion()), metrics, ConfusionMatrix.NONE);
            } catch (TrainingCancelledException e) {
                recorder.throwIfStopped();
                throw e;
            } catch (IllegalArgumentException e) {
                throw DomainException.failedPrecondition("cannot train a recommender on "
                        + spec.dataset() + " v" + spec.datasetVersion() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Recall, NDCG and coverage at {@value #K} of the test split's held-out items, the model's and
     * the most-popular baseline's, each ranking every item but those the user has in train and
     * validation.
     */
    static Map<String, Double> testMetrics(LoadedRecommender trained, Interactions train, Interactions validation,
            Interactions test) {
        Interactions known = train.plus(validation);
        Map<String, Double> metrics = new HashMap<>(RecommenderEvaluation.evaluate(trained, known, test, K).asMap());
        RecommenderEvaluation.evaluate(MostPopular.of(train), known, test, K).asMap()
                .forEach((name, value) -> metrics.put("popular_" + name, value));
        return metrics;
    }
}
