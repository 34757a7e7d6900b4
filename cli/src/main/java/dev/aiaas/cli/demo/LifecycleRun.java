package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Takes one data set from file to served model: create, import, seal, wait for the
 * automatic preparation (or prepare the data set's own pipeline), train on it (watching every
 * epoch), and deploy {@code name@champion}.
 */
public final class LifecycleRun {

    private static final String ALIAS = "champion";

    private final Services services;
    private final Progress progress;

    public LifecycleRun(Services services, Progress progress) {
        this.services = services;
        this.progress = progress;
    }

    /** Runs the lifecycle; returns the prepared dataset and the finished job. */
    public Result run(DemoDataset dataset) throws Exception {
        services.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(dataset.name())
                .setSchema(dataset.schema()).build());
        UploadSummary upload = FileImport.send(services.ingestAsync(), dataset.name(), dataset.format(), dataset.file(),
                dataset.reading());
        progress.step("%s: imported %s: %d accepted, %d rejected", dataset.name(), dataset.file().getFileName(),
                upload.getAccepted(), upload.getRejected());
        DatasetVersion version = services.ingest().sealVersion(SealVersionRequest.newBuilder()
                .setDataset(dataset.name()).build());
        progress.step("%s: sealed version %d (%d rows, sha256 %s…)", dataset.name(), version.getVersion(),
                version.getRowCount(), version.getSha256().substring(0, 12));
        PreparedDataset prepared = prepare(dataset, version.getVersion());
        Job job = train(dataset, version.getVersion());
        services.deployments().withDeadlineAfter(5, TimeUnit.MINUTES).deploy(DeployRequest.newBuilder()
                .setEndpoint(dataset.name()).setModelName(dataset.name()).setAlias(ALIAS).build());
        progress.step("%s: endpoint '%s' serves %s v%d (%s@%s)", dataset.name(), dataset.name(), dataset.name(),
                job.getModelVersion(), dataset.name(), ALIAS);
        return new Result(version, prepared, job);
    }

    /** The default pipeline as preprocess prepared it after the seal, or the data set's own, prepared now. */
    private PreparedDataset prepare(DemoDataset dataset, long version) throws InterruptedException {
        if (dataset.pipeline() == null) {
            PreparedDataset prepared = PreparedDatasets.await(services.preprocess(), dataset.name(), version,
                    DemoDataset.DEFAULT_PIPELINE, Duration.ofMinutes(5));
            progress.step("%s: prepared by preprocess: splits %s, input shape %s, %d classes", dataset.name(),
                    splits(prepared), prepared.getInputShapeList(), prepared.getClassLabelsCount());
            return prepared;
        }
        PreparedDataset prepared = PreparedDatasets.prepare(services.preprocess(), dataset.name(), version,
                dataset.pipeline(), Duration.ofMinutes(5), () -> progress.step("%s: waiting for preprocess to "
                        + "receive the seal", dataset.name()));
        progress.step("%s: prepared pipeline '%s' (%s%s): splits %s, %s", dataset.name(),
                dataset.pipelineName(), prepared.getTask().name().toLowerCase(Locale.ROOT),
                prepared.hasSequence() ? ", windows of " + prepared.getSequence().getWindow() + " rows" : "",
                splits(prepared), shape(prepared));
        return prepared;
    }

    /** What a model trained on it reads: its input shape, or how many users and items interactions hold. */
    private static String shape(PreparedDataset prepared) {
        if (prepared.hasInteractions()) {
            return prepared.getInteractions().getUsers() + " users, " + prepared.getInteractions().getItems()
                    + " items" + (prepared.getInteractions().getSharedIds() ? " (shared ids)" : "");
        }
        return "input shape " + prepared.getInputShapeList() + (prepared.getVocabularySize() > 0
                ? " word ids, a vocabulary of " + prepared.getVocabularySize() + " ids" : "");
    }

    private static List<String> splits(PreparedDataset prepared) {
        return prepared.getSplitsList().stream().map(s -> s.getName() + "=" + s.getRows()).toList();
    }

    /** What the run produced. */
    public record Result(DatasetVersion version, PreparedDataset prepared, Job job) {
        public List<Long> splitRows() {
            return prepared.getSplitsList().stream().map(SplitSummary::getRows).toList();
        }
    }

    private Job train(DemoDataset dataset, long version) {
        Job submitted = services.training().submitJob(SubmitJobRequest.newBuilder().setSpec(JobSpec.newBuilder()
                .setDataset(dataset.name()).setDatasetVersion(version).setPipeline(dataset.pipelineName())
                .setFamily(dataset.family()).setHyperparameters(dataset.hyperparameters())
                .setModelName(dataset.name()).setAlias(ALIAS)).build());
        progress.step("%s: training job %s queued (%s, %d epochs)", dataset.name(), submitted.getId(),
                dataset.family(), dataset.hyperparameters().getEpochs());
        Iterator<JobEvent> events = services.training().withDeadlineAfter(30, TimeUnit.MINUTES)
                .watchJob(WatchJobRequest.newBuilder().setId(submitted.getId()).build());
        int every = Math.max(1, dataset.hyperparameters().getEpochs() / 5);
        while (events.hasNext()) {
            JobEvent event = events.next();
            if (event.getEpoch() > 0 && event.getState() == JobState.RUNNING) {
                if (event.getEpoch() % every != 0 && event.getEpoch() != 1) {
                    continue; // a line every fifth of the run keeps the progress readable
                }
                progress.step("%s: epoch %d  loss %.4f  %s", dataset.name(), event.getEpoch(), event.getTrainLoss(),
                        validation(event.getMetricsMap()));
            } else {
                progress.step("%s: job %s %s", dataset.name(), event.getState(), event.getMessage());
            }
        }
        Job job = services.training().getJob(GetJobRequest.newBuilder().setId(submitted.getId()).build());
        if (job.getState() != JobState.SUCCEEDED) {
            throw new IllegalStateException(dataset.name() + ": training ended " + job.getState() + ": " + job.getError());
        }
        return job;
    }

    /** A classifier's validation accuracy, or what else the epoch measured on validation (mse, roc_auc, …). */
    private static String validation(Map<String, Double> metrics) {
        if (metrics.containsKey("accuracy") || metrics.isEmpty()) {
            return String.format(Locale.ROOT, "validation accuracy %.3f", metrics.getOrDefault("accuracy", Double.NaN));
        }
        return new TreeMap<>(metrics).entrySet().stream()
                .map(m -> String.format(Locale.ROOT, "validation %s %.4f", m.getKey(), m.getValue()))
                .collect(Collectors.joining("  "));
    }
}
