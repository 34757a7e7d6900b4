package dev.aiaas.training.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.LastValueAnchor;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.TrainingPlan;
import dev.aiaas.models.Vocabulary;
import dev.aiaas.training.model.Hyperparameters;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.PreparedData;
import java.util.Arrays;
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
        };
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
