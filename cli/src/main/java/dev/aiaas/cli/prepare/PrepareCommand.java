package dev.aiaas.cli.prepare;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.datasets.LatestVersion;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas prepare DATASET}: a prepared dataset, made or awaited. */
@Command(name = "prepare", description = {
    "Prepare a dataset version for training; show the task, splits, features and classes.",
    "Without --steps this is the default pipeline (drop rows without label, impute numbers with the training "
        + "median, standardise them, one-hot encode categories, tokenize text (a column with more than 1,000 distinct "
        + "values), scale pixels; 70/15/15 stratified split, seed 42), "
        + "which preprocess runs on its own after every seal.",
    "--steps FILE (JSON or YAML, an aiaas.preprocess.v1.PipelineSpec) chooses the steps and the split. The steps "
        + "are those preprocess.proto defines: dropMissingLabel, impute {columns, strategy: MEAN|MEDIAN}, "
        + "standardize {columns}, oneHot {columns}, scalePixels {columns}, cyclicalTime {column, periods: "
        + "[YEAR|WEEK|DAY]} (a time column as the sine and cosine of its place in the period), tokenize {columns, "
        + "maxTokens, maxVocabulary, minCount} (text as word ids of a vocabulary learnt on the training split); "
        + "split {train, "
        + "validation, test, seed, stratify, chronological} (chronological: the earliest rows train, the latest "
        + "test). There are no custom steps (no code of yours runs in preprocess). Example YAML:",
    "  name: scaled",
    "  steps: [{dropMissingLabel: {}}, {impute: {strategy: MEAN}}, {standardize: {}}, {oneHot: {}}]",
    "  split: {train: 0.8, validation: 0.1, test: 0.1, seed: 7, stratify: true}",
    "Flags say the same in short and win over the file. --time-column COL --window N prepares sliding windows for "
        + "a forecaster (LSTM, GRU): each example is N consecutive rows, and what it learns to predict is the "
        + "--target's next --horizon values; the split is then chronological and, by default, an ISO date "
        + "column becomes cyclicalTime features. --normal LABEL[,LABEL…] prepares anomaly detection (an "
        + "autoencoder): the training split keeps only rows with those labels, validation and test keep every "
        + "row. --user-column COL --item-column COL prepares implicit feedback for a recommender "
        + "(matrix_factorisation): each row is an event of a user with an item, a pair's events add up to one "
        + "interaction (--weight-column sums a numeric column instead of counting), --shared-ids says users and "
        + "items are the same kind of thing; no steps are used, and the split holds out a share of each user's "
        + "items (split {validation, test, seed}; default 80/10/10, seed 42). "
        + "A pipeline other than the default needs a name (--pipeline NAME). Examples:",
    "  aiaas prepare weather --pipeline forecast --time-column date --window 14",
    "  aiaas prepare digits --pipeline zeros --normal 0",
    "  aiaas prepare flights --pipeline routes --user-column origin --item-column destination --shared-ids"})
public final class PrepareCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "DATASET", description = "the dataset")
    String dataset;

    @Option(names = "--version", paramLabel = "N", description = "the dataset version (default: the newest sealed)")
    long version;

    @Option(names = "--pipeline", paramLabel = "NAME", description = "the pipeline's name (default: the --steps "
            + "file's name, else default)")
    String pipeline;

    @Option(names = "--steps", paramLabel = "FILE", description = "a pipeline spec, .json or .yaml")
    Path steps;

    @Mixin
    PipelineFlags flags;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "how long to wait for preprocess, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    protected int run(Session session) throws Exception {
        PipelineSpec spec = spec();
        long chosen = LatestVersion.orLatest(session, dataset, version);
        PreparedDataset prepared = Preparations.prepare(session, dataset, chosen, spec, timeout);
        session.printer().print(prepared, () -> PreparedView.details(prepared));
        return ExitCodes.OK;
    }

    /** The spec to prepare: the --steps file, the flags laid over it, and its name. */
    PipelineSpec spec() throws java.io.IOException {
        PipelineSpec.Builder spec = steps == null ? PipelineSpec.newBuilder() : ProtoText.merge(steps, PipelineSpec.newBuilder());
        flags.applyTo(spec);
        if (pipeline != null) {
            spec.setName(pipeline);
        }
        if (spec.getName().isEmpty()) {
            if (steps != null || flags.given()) {
                throw CommandFailure.usage("name the pipeline of " + (steps != null ? steps.toString() : "these flags")
                        + ": --pipeline NAME" + (steps != null ? ", or name: in the file" : "")
                        + " (the name default is the default pipeline's)");
            }
            spec.setName("default");
        }
        return spec.build();
    }
}
