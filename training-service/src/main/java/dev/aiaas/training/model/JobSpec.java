package dev.aiaas.training.model;

import dev.aiaas.errors.DomainException;
import java.util.Set;
import java.util.regex.Pattern;

/** What to train: on which prepared data, which family, how, where, and under which model name. */
public record JobSpec(
        String dataset,
        long datasetVersion,
        String pipeline,
        String family,
        Hyperparameters hyperparameters,
        String device,
        String modelName,
        String alias) {

    public static final Set<String> FAMILIES =
            Set.of("LINEAR_REGRESSION", "LOGISTIC_REGRESSION", "MLP", "CNN", "LSTM", "AUTOENCODER");
    private static final Set<String> DEVICES = Set.of("AUTO", "CPU", "GPU");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /** Checks the spec and fills defaults; INVALID_ARGUMENT names what to fix. */
    public JobSpec validated() {
        if (dataset.isBlank() || datasetVersion < 1) {
            throw DomainException.invalid("name the prepared dataset to train on: dataset and dataset_version >= 1");
        }
        if (!FAMILIES.contains(family)) {
            throw DomainException.invalid("model family '" + family + "' is unknown: choose one of " + FAMILIES);
        }
        if (!DEVICES.contains(device)) {
            throw DomainException.invalid("device '" + device + "' is unknown: AUTO, CPU or GPU");
        }
        if (!NAME.matcher(modelName).matches()) {
            throw DomainException.invalid("model name '" + modelName + "' is not valid: 1-63 lower-case letters, digits, '.', '_' or '-'");
        }
        return new JobSpec(dataset, datasetVersion, pipeline.isBlank() ? "default" : pipeline, family,
                hyperparameters.withDefaults(), device, modelName, alias);
    }
}
