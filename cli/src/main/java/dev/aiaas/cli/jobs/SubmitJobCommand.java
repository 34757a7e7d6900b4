package dev.aiaas.cli.jobs;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.datasets.LatestVersion;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.cli.prepare.Preparations;
import dev.aiaas.proto.training.v1.Device;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aiaas jobs submit}: queues a training job, from flags or a spec file. */
@Command(name = "submit", description = {"Submit a training job.",
    "Trains on a prepared dataset version; when it succeeds, the new model version is registered under --model "
        + "(and --alias moved to it).",
    "--spec FILE (JSON or YAML, an aiaas.training.v1.JobSpec) gives the whole spec; flags given with it win.",
    "When the version's preparation has not finished yet, waits for it first.",
    "With --watch, follows the job to its end (exit code 7 when it fails); with --output json, one JSON object "
        + "per line: the events, then the finished job."})
final class SubmitJobCommand extends ApiCommand {

    @Option(names = "--spec", paramLabel = "FILE", description = "a job spec, .json or .yaml")
    Path specFile;

    @Option(names = "--dataset", paramLabel = "NAME", description = "the dataset to train on")
    String dataset;

    @Option(names = "--version", paramLabel = "N", description = "the dataset version (default: the newest sealed)")
    Long version;

    @Option(names = "--pipeline", paramLabel = "NAME", description = "the prepared pipeline (default: default)")
    String pipeline;

    @Option(names = "--family", paramLabel = "FAMILY", converter = ProtoEnumConverter.Family.class,
            completionCandidates = ProtoEnumConverter.Family.class,
            description = "linear_regression, logistic_regression, mlp, cnn (classes or numbers); lstm, gru "
                    + "(forecasts: a pipeline with a sequence); autoencoder (anomaly detection: a pipeline with "
                    + "normal labels); embedding_bag (text classes: a pipeline with a tokenize step); "
                    + "matrix_factorisation (recommendation: a pipeline with interactions)")
    ModelFamily family;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs (default: the service's)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "rows per step (default: the service's)")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "learning rate (default: the service's)")
    Double learningRate;

    @Option(names = "--hidden-units", paramLabel = "N", split = ",",
            description = "widths of hidden layers (MLP), channel counts (CNN), recurrent layer sizes (LSTM, GRU), "
                    + "encoder widths (autoencoder; the decoder mirrors them), the embedding size (embedding_bag) or "
                    + "the length of each user's and item's vector (matrix_factorisation, default 32), e.g. 32,16")
    List<Integer> hiddenUnits;

    @Option(names = "--anomaly-quantile", paramLabel = "Q", description = "autoencoder: the anomaly threshold is "
            + "this quantile of the normal validation rows' reconstruction errors, in (0, 1) (default: 0.95)")
    Double anomalyQuantile;

    @Option(names = "--negatives", paramLabel = "N", description = "matrix_factorisation: items the user never had, "
            + "sampled per observed pair, that the model learns to rank below it (default: 4)")
    Integer negatives;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "matrix_factorisation: the L2 penalty on the "
            + "user and item vectors, above 0 (default: 3e-4; 1e-9 for almost none)")
    Double weightDecay;

    @Option(names = "--seed", paramLabel = "N", description = "random seed")
    Long seed;

    @Option(names = "--device", paramLabel = "DEVICE", converter = ProtoEnumConverter.DeviceKind.class,
            completionCandidates = ProtoEnumConverter.DeviceKind.class, description = "auto, cpu or gpu (default: auto)")
    Device device;

    @Option(names = "--model", paramLabel = "NAME", description = "the registered model that receives the new "
            + "version (default: the dataset's name)")
    String model;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "an alias to point at the new version, e.g. champion")
    String alias;

    @Option(names = "--watch", description = "follow the job's epochs until it ends")
    boolean watch;

    @Option(names = "--wait-for-preparation", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "how long to wait for the preparation, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration preparationTimeout;

    @Override
    protected int run(Session session) throws Exception {
        JobSpec.Builder spec = spec();
        spec.setDatasetVersion(LatestVersion.orLatest(session, spec.getDataset(), spec.getDatasetVersion()));
        Preparations.await(session, spec.getDataset(), spec.getDatasetVersion(), spec.getPipeline(), preparationTimeout);
        Job job = session.services().training().submitJob(SubmitJobRequest.newBuilder().setSpec(spec)
                .setRequestId(UUID.randomUUID().toString()).build());
        if (!watch) {
            session.printer().print(job, () -> JobView.details(job));
            return ExitCodes.OK;
        }
        session.progress().println("job " + job.getId() + " " + job.getState() + ": following it (Ctrl-C stops "
                + "watching, not the job; aiaas jobs watch " + job.getId() + " resumes)");
        JobWatch.follow(session, job);
        return ExitCodes.OK;
    }

    /**
     * The job to submit: the --spec file with the flags laid over it (the dataset version still
     * 0 when neither names one: the newest sealed is looked up when submitting).
     *
     * @throws CommandFailure (usage) without a dataset or family, or for a hyperparameter out of its range
     */
    JobSpec.Builder spec() throws IOException {
        JobSpec.Builder spec = specFile == null ? JobSpec.newBuilder() : ProtoText.merge(specFile, JobSpec.newBuilder());
        applyFlags(spec);
        if (spec.getDataset().isEmpty() || spec.getFamily() == ModelFamily.MODEL_FAMILY_UNSPECIFIED) {
            throw CommandFailure.usage("name the dataset and the model family: --dataset NAME --family mlp "
                    + "(or dataset: and family: in --spec)");
        }
        if ((negatives != null || weightDecay != null) && spec.getFamily() != ModelFamily.MATRIX_FACTORISATION) {
            throw CommandFailure.usage("--negatives and --weight-decay tune matrix_factorisation, not "
                    + spec.getFamily().name().toLowerCase(Locale.ROOT));
        }
        return spec;
    }

    private void applyFlags(JobSpec.Builder spec) {
        if (dataset != null) {
            spec.setDataset(dataset);
        }
        if (version != null) {
            spec.setDatasetVersion(version);
        }
        if (pipeline != null) {
            spec.setPipeline(pipeline);
        } else if (spec.getPipeline().isEmpty()) {
            spec.setPipeline("default");
        }
        if (family != null) {
            spec.setFamily(family);
        }
        if (device != null) {
            spec.setDevice(device);
        }
        if (model != null) {
            spec.setModelName(model);
        } else if (spec.getModelName().isEmpty()) {
            spec.setModelName(spec.getDataset());
        }
        if (alias != null) {
            spec.setAlias(alias);
        }
        Hyperparameters.Builder h = spec.getHyperparametersBuilder();
        if (epochs != null) {
            h.setEpochs(epochs);
        }
        if (batchSize != null) {
            h.setBatchSize(batchSize);
        }
        if (learningRate != null) {
            h.setLearningRate(learningRate);
        }
        if (hiddenUnits != null) {
            h.clearHiddenUnits().addAllHiddenUnits(hiddenUnits);
        }
        if (seed != null) {
            h.setSeed(seed);
        }
        if (anomalyQuantile != null) {
            if (!(anomalyQuantile > 0 && anomalyQuantile < 1)) {
                throw CommandFailure.usage("--anomaly-quantile is a quantile in (0, 1), e.g. 0.95, not "
                        + anomalyQuantile);
            }
            h.setAnomalyQuantile(anomalyQuantile);
        }
        applyRecommenderFlags(h);
    }

    private void applyRecommenderFlags(Hyperparameters.Builder h) {
        if (negatives != null) {
            if (negatives < 1) {
                throw CommandFailure.usage("--negatives is how many items to sample per observed pair: 1 or more, not "
                        + negatives);
            }
            h.setNegatives(negatives);
        }
        if (weightDecay != null) {
            if (!(weightDecay > 0) || weightDecay.isInfinite()) {
                throw CommandFailure.usage("--weight-decay must be a finite value above 0 (the service reads 0 as its "
                        + "default, 3e-4; 1e-9 is almost none), not " + weightDecay);
            }
            h.setWeightDecay(weightDecay);
        }
    }
}
