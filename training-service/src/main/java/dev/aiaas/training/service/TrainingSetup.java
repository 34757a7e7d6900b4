package dev.aiaas.training.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.TrainingPlan;
import dev.aiaas.training.model.Hyperparameters;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.PreparedData;
import java.util.Arrays;

/** Turns a job's spec and its prepared data into what the trainer takes: a model spec and a plan. */
final class TrainingSetup {

    private TrainingSetup() {
    }

    /**
     * The model: the family and layer sizes of the job, the input shape and class count of the data.
     *
     * @throws DomainException FAILED_PRECONDITION when the family cannot train on this data
     */
    static ModelSpec modelSpec(JobSpec job, PreparedData data) {
        ModelFamily family = family(job.family());
        LabelTask task = data.classification() ? LabelTask.CLASSIFICATION : LabelTask.REGRESSION;
        if (!family.supports(task)) {
            throw DomainException.failedPrecondition(family + (data.classification()
                    ? " predicts numbers but " + data.dataset() + " has class labels: train one of "
                    : " predicts classes but " + data.dataset() + " has numeric targets: train one of ")
                    + ModelFamily.supporting(task));
        }
        try {
            return ModelSpec.withDefaults(family, data.inputShape(), job.hyperparameters().hiddenUnits(),
                    data.classification() ? data.classLabels().size() : 1, task);
        } catch (IllegalArgumentException e) {
            throw DomainException.failedPrecondition("the job does not fit the prepared data: " + e.getMessage());
        }
    }

    /** How to train: the job's (defaulted) hyper-parameters and device. */
    static TrainingPlan plan(JobSpec job) {
        Hyperparameters h = job.hyperparameters();
        return new TrainingPlan(h.epochs(), h.batchSize(), h.learningRate(), h.seed(), device(job));
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
