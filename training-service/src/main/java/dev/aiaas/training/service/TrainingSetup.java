package dev.aiaas.training.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.LastValueAnchor;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.TrainingPlan;
import dev.aiaas.models.Vocabulary;
import dev.aiaas.models.recommend.RecommenderPlan;
import dev.aiaas.models.recommend.RecommenderSpec;
import dev.aiaas.training.model.Hyperparameters;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.PreparedData;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Turns a job's spec and its prepared data into what the trainer takes: a model spec and a plan. */
final class TrainingSetup {

    private TrainingSetup() {
    }

    /**
     * The model: the family and layer sizes of the job, the input shape, task and output count of
     * the data. A recurrent forecaster starts from the last value of its target.
     *
     * @throws DomainException FAILED_PRECONDITION when the family cannot train on this data
     */
    static ModelSpec modelSpec(JobSpec job, PreparedData data) {
        ModelFamily family = family(job.family());
        LabelTask task = data.task();
        if (!family.supports(task)) {
            throw DomainException.failedPrecondition(family + " does not learn what " + data.dataset()
                    + " was prepared for (" + task.name().toLowerCase(Locale.ROOT) + "): train one of "
                    + ModelFamily.supporting(task));
        }
        try {
            ModelSpec spec = ModelSpec.withDefaults(family, data.inputShape(), job.hyperparameters().hiddenUnits(),
                    outputs(data), task, vocabulary(family, data));
            PreparedData.Sequence sequence = data.sequence();
            boolean recurrent = family == ModelFamily.LSTM || family == ModelFamily.GRU;
            if (recurrent && sequence != null && sequence.targetFeature() >= 0) {
                spec = spec.withAnchor(new LastValueAnchor(sequence.targetFeature(), sequence.targetMean(),
                        sequence.targetStd()));
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition("the job does not fit the prepared data: " + e.getMessage());
        }
    }

    /** The word ids a text model embeds: those of the data's Tokenize step. */
    private static Vocabulary vocabulary(ModelFamily family, PreparedData data) {
        if (family != ModelFamily.EMBEDDING_BAG) {
            return null;
        }
        if (data.vocabularySize() == 0) {
            throw new IllegalArgumentException(family + " reads word ids, but " + data.dataset()
                    + " was prepared without a tokenize step: prepare its text columns with one");
        }
        return new Vocabulary(data.vocabularySize());
    }

    private static int outputs(PreparedData data) {
        return switch (data.task()) {
            case CLASSIFICATION -> data.classLabels().size();
            case REGRESSION -> data.sequence() == null ? 1 : data.sequence().horizon();
            case ANOMALY -> data.inputShape().stream().reduce(1, Math::multiplyExact);
            case RECOMMENDATION -> throw new IllegalArgumentException("a recommender has no network outputs");
        };
    }

    /**
     * Checks, when the job is submitted, that it can train on the prepared data: the family learns
     * the data's task and the sizes fit.
     *
     * @throws DomainException FAILED_PRECONDITION saying what does not fit
     */
    static void check(JobSpec job, PreparedData data) {
        if (!recommends(job, data)) {
            modelSpec(job, data);
            return;
        }
        PreparedData.InteractionsShape shape = data.interactions();
        try {
            new RecommenderSpec(dimension(job), shape.users(), shape.items());
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition("the job does not fit the prepared data: " + e.getMessage());
        }
    }

    /**
     * Whether the job trains a recommender: the MATRIX_FACTORISATION family on interactions.
     *
     * @throws DomainException FAILED_PRECONDITION when only one of the two says recommendation
     */
    static boolean recommends(JobSpec job, PreparedData data) {
        boolean family = JobSpec.RECOMMENDER_FAMILY.equals(job.family());
        boolean interactions = data.task() == LabelTask.RECOMMENDATION;
        if (family && !interactions) {
            throw DomainException.failedPrecondition(job.family() + " learns from interactions, but " + data.dataset()
                    + " was prepared for " + data.task().name().toLowerCase(Locale.ROOT) + ": prepare it with "
                    + "interactions (user and item columns)");
        }
        if (interactions && !family) {
            throw DomainException.failedPrecondition(job.family() + " does not learn what " + data.dataset()
                    + " was prepared for (recommendation): train " + JobSpec.RECOMMENDER_FAMILY);
        }
        return family;
    }

    /**
     * A recommender with vectors of the job's one hidden_units value (default
     * {@value RecommenderSpec#DEFAULT_DIMENSION}) over the users and items of {@code train}.
     *
     * @throws DomainException FAILED_PRECONDITION when the job's sizes do not fit
     */
    static RecommenderSpec recommenderSpec(JobSpec job, PreparedData data, Interactions train) {
        int dimension = dimension(job);
        boolean shared = data.interactions() != null && data.interactions().sharedIds();
        try {
            return RecommenderSpec.forInteractions(dimension, train, shared);
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition("the job does not fit the prepared data: " + e.getMessage());
        }
    }

    private static int dimension(JobSpec job) {
        List<Integer> units = job.hyperparameters().hiddenUnits();
        if (units.size() > 1) {
            throw DomainException.failedPrecondition(job.family() + " takes one hidden_units value, the length of its"
                    + " vectors; got " + units);
        }
        return units.isEmpty() ? RecommenderSpec.DEFAULT_DIMENSION : units.get(0);
    }

    /** How to fit a recommender: the job's epochs, batch size, learning rate and seed, its negatives and decay or theirs by default. */
    static RecommenderPlan recommenderPlan(JobSpec job) {
        Hyperparameters h = job.hyperparameters();
        RecommenderPlan defaults = RecommenderPlan.defaults(h.seed(), device(job));
        return new RecommenderPlan(h.epochs(), h.batchSize(), h.learningRate(),
                h.weightDecay() == 0 ? defaults.weightDecay() : h.weightDecay(),
                h.negatives() == 0 ? defaults.negatives() : h.negatives(), h.seed(), device(job));
    }

    /** How to train: the job's (defaulted) hyper-parameters and device. */
    static TrainingPlan plan(JobSpec job) {
        Hyperparameters h = job.hyperparameters();
        return new TrainingPlan(h.epochs(), h.batchSize(), h.learningRate(), h.seed(), device(job),
                h.anomalyQuantile() == 0 ? Hyperparameters.DEFAULT_ANOMALY_QUANTILE : h.anomalyQuantile());
    }

    static DevicePreference device(JobSpec job) {
        return DevicePreference.valueOf(job.device());
    }

    private static ModelFamily family(String name) {
        return Arrays.stream(ModelFamily.values()).filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.failedPrecondition("model family " + name
                        + " cannot be trained yet: submit one of " + Arrays.toString(ModelFamily.values())));
    }
}
