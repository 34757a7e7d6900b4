package dev.aiaas.training.service;

import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.Checkpoints;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.Evaluation;
import dev.aiaas.models.GpuUnavailableException;
import dev.aiaas.models.LabelledData;
import dev.aiaas.models.LoadedModel;
import dev.aiaas.models.ModelEvaluator;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.ModelTrainer;
import dev.aiaas.models.TrainingCancelledException;
import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.model.ClaimedJob;
import dev.aiaas.training.model.ConfusionMatrix;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobRef;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.JobState;
import dev.aiaas.training.model.PreparedData;
import dev.aiaas.training.model.StoredFile;
import dev.aiaas.training.storage.CheckpointStore;
import dev.aiaas.training.storage.ModelArtifactWriter;
import dev.aiaas.training.storage.PreparedDatasetReader;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs one queued job to its end: claim it, read the prepared splits, train with progress
 * per epoch, evaluate on the test split, store the artifacts, register the version (and its
 * alias), and end SUCCEEDED; any failure ends it FAILED with what to do. A job cancelled
 * while it runs stops at the next check and stays CANCELLED. A job runs for its project: it reads
 * that project's prepared data, writes its checkpoints and artifacts under the project's keys and
 * registers the model in the project.
 */
@ApplicationScoped
public class TrainingWorker {

    /** The confusion matrix labels of an anomaly detector: index 0 normal, 1 anomaly. */
    static final List<String> ANOMALY_CLASSES = List.of("normal", "anomaly");

    private static final Logger LOG = Logger.getLogger(TrainingWorker.class);

    @Inject
    JobLifecycle lifecycle;

    @Inject
    PreparedDatasetReader prepared;

    @Inject
    ModelArtifactWriter artifacts;

    @Inject
    VersionPublisher publisher;

    @Inject
    RecommenderJob recommenders;

    @Inject
    CheckpointStore checkpointStore;

    @Inject
    LeaseKeeper leases;

    @Inject
    JobTrace trace;

    @Inject
    TrainingConfig config;

    /** Runs job {@code jobId} of {@code project} if it is still QUEUED there; never throws. */
    public void run(String project, String jobId) {
        Job job = lifecycle.find(project, jobId).orElse(null);
        if (job == null || job.state() != JobState.QUEUED) {
            LOG.infof("job %s of project %s is %s: nothing to run", jobId, project,
                    job == null ? "unknown" : job.state());
            return;
        }
        String device;
        try {
            device = DevicePreference.describe(TrainingSetup.device(job.spec()).resolve());
        } catch (GpuUnavailableException e) {
            if (lifecycle.claim(project, jobId, "none").isPresent()) {
                lifecycle.fail(project, jobId, e.getMessage());
            }
            return;
        }
        Optional<ClaimedJob> claimed = lifecycle.claim(project, jobId, device);
        if (claimed.isEmpty()) {
            LOG.infof("job %s was cancelled or taken by another worker before it started", jobId);
            return;
        }
        JobRef held = new JobRef(project, jobId);
        leases.hold(held);
        Span span = trace.start(project, jobId);
        try (Scope current = span.makeCurrent(); JobFolder folder = JobFolder.create(config.worker().workDir(), jobId)) {
            train(job, claimed.get(), folder);
        } catch (TrainingCancelledException e) {
            LOG.infof("job %s stopped in epoch %d: it was cancelled or left this worker", jobId, e.epoch());
        } catch (RuntimeException | Error e) {
            lifecycle.fail(project, jobId, JobFailure.describe(jobId, e));
        } finally {
            span.end();
            leases.release(held);
            deleteCheckpointsOnceFinished(project, jobId);
        }
    }

    private void train(Job job, ClaimedJob claimed, JobFolder folder) {
        JobSpec spec = job.spec();
        String project = job.project();
        PreparedData data = prepared.manifest(project, spec.dataset(), spec.datasetVersion(), spec.pipeline());
        if (TrainingSetup.recommends(spec, data)) {
            recommenders.train(job, data, folder);
            return;
        }
        ModelSpec modelSpec = TrainingSetup.modelSpec(spec, data);
        LabelledData train = prepared.split(data, "train", folder.path());
        LabelledData validation = prepared.split(data, "validation", folder.path());
        LabelledData test = prepared.split(data, "test", folder.path());
        LOG.infof("job %s: %s on %d training rows of %s v%d%s", job.id(), modelSpec, train.rows(), spec.dataset(),
                spec.datasetVersion(), claimed.resumeFrom().map(c -> ", resuming after epoch " + c.epoch()).orElse(""));
        CancellationPoll cancelled = new CancellationPoll(() -> lifecycle.running(project, job.id()),
                config.worker().cancelCheckInterval());
        try (EpochRecorder recorder = new EpochRecorder(project, job.id(), lifecycle, checkpointStore,
                folder.path().resolve("recorded"))) {
            Checkpoints checkpoints = new Checkpoints(
                    claimed.resumeFrom().map(c -> new Checkpoints.ResumePoint(c.epoch(),
                            checkpointStore.download(c, folder.path().resolve("resume.params")))),
                    folder.path().resolve("checkpoints"), recorder::checkpointSaved);
            try (LoadedModel model = new ModelTrainer().train(modelSpec, TrainingSetup.plan(spec), train, validation,
                    recorder::epochFinished, () -> recorder.stopped() || cancelled.getAsBoolean(), checkpoints)) {
                recorder.finish();
                Evaluation evaluation = ModelEvaluator.evaluate(model, test);
                if (!lifecycle.running(project, job.id())) {
                    throw new TrainingCancelledException(spec.hyperparameters().epochs());
                }
                List<StoredFile> stored = artifacts.write(project, spec.modelName(), job.id(), model, data,
                        folder.path());
                publisher.publish(job, ModelRegistrations.of(job, modelSpec, evaluation, stored,
                        config.worker().codeVersion()), evaluation.metrics(), confusion(evaluation, data));
            } catch (TrainingCancelledException e) {
                recorder.throwIfStopped(); // a failure to record, or the lease lost, says more than "stopped"
                throw e;
            }
        }
    }

    /** A job that ended needs its checkpoints no more; one re-queued elsewhere resumes from them. */
    private void deleteCheckpointsOnceFinished(String project, String jobId) {
        try {
            if (lifecycle.find(project, jobId).map(j -> j.state().finished()).orElse(false)) {
                checkpointStore.deleteAll(project, jobId);
            }
        } catch (RuntimeException e) {
            LOG.warnf("job %s: its checkpoints could not be looked at or deleted: %s", jobId, e.getMessage());
        }
    }

    /** Rows are the true classes, columns the predicted; an anomaly detector's are normal and anomaly. */
    private static ConfusionMatrix confusion(Evaluation evaluation, PreparedData data) {
        List<String> labels = data.task() == LabelTask.ANOMALY ? ANOMALY_CLASSES : data.classLabels();
        return evaluation.confusionMatrix()
                .map(counts -> new ConfusionMatrix(labels, Arrays.stream(counts).boxed().toList()))
                .orElse(ConfusionMatrix.NONE);
    }
}
