package dev.aiaas.training.model;

import dev.aiaas.errors.DomainException;
import java.util.List;
import java.util.Arrays;
import dev.aiaas.models.ModelFamily;
import dev.aiaas.errors.Names;
import java.util.Set;
import java.util.stream.Stream;

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

    /** Every family the contract names (aiaas.training.v1.ModelFamily). */
    public static final Set<String> FAMILIES =
            Set.of("LINEAR_REGRESSION", "LOGISTIC_REGRESSION", "MLP", "CNN", "LSTM", "GRU", "AUTOENCODER",
                    "EMBEDDING_BAG", "MATRIX_FACTORISATION");
    /** The family that learns recommendation, from interactions rather than labelled rows. */
    public static final String RECOMMENDER_FAMILY = "MATRIX_FACTORISATION";
    private static final Set<String> DEVICES = Set.of("AUTO", "CPU", "GPU");

    /**
     * Checks the whole spec at once and fills defaults: INVALID_ARGUMENT names the first thing
     * to fix. What it cannot see from here (the data is prepared, the family fits it) is checked
     * by the submit against the prepared data.
     */
    public JobSpec validated(JobLimits limits) {
        Names.require("dataset name", dataset);
        if (datasetVersion < 1) {
            throw DomainException.invalid("dataset_version must be 1 or more: name the sealed version to train on");
        }
        String pipelineName = pipeline.isBlank() ? "default" : pipeline;
        Names.require("pipeline name", pipelineName);
        if (!FAMILIES.contains(family)) {
            throw DomainException.invalid("model family '" + family + "' is unknown: choose one of " + FAMILIES);
        }
        List<String> implemented = Stream.concat(Arrays.stream(ModelFamily.values()).map(Enum::name),
                Stream.of(RECOMMENDER_FAMILY)).toList();
        if (!implemented.contains(family)) {
            throw DomainException.invalid("model family " + family + " cannot be trained yet: submit one of "
                    + implemented);
        }
        if (!DEVICES.contains(device)) {
            throw DomainException.invalid("device '" + device + "' is unknown: AUTO, CPU or GPU");
        }
        Names.require("model name", modelName);
        if (!alias.isBlank()) {
            Names.requireAlias(alias);
        }
        return new JobSpec(dataset, datasetVersion, pipelineName, family, hyperparameters.withDefaults(limits), device,
                modelName, alias);
    }
}
