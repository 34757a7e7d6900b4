package dev.aiaas.monitoring.loop;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.monitoring.client.IngestCalls;
import dev.aiaas.monitoring.client.PreprocessCalls;
import dev.aiaas.monitoring.client.RegistryCalls;
import dev.aiaas.monitoring.client.ServingCalls;
import dev.aiaas.monitoring.client.TrainingCalls;
import dev.aiaas.monitoring.model.DecisionAction;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.model.RunStage;
import dev.aiaas.monitoring.model.TrainingOverrides;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.registry.v1.Lineage;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts a run when a policy's trigger fires: finds the endpoint's champion and what trained it
 * (its lineage: dataset, version, pipeline, job), seals the dataset's open rows (or takes the
 * newest version sealed since), prepares that version with the champion's pipeline and submits
 * the champion's job spec on it into alias "challenger". A trigger with nothing to train on is a
 * SKIP, recorded as a run that ended at once, so the same alert does not ask again.
 */
@ApplicationScoped
public class RunStarter {

    @Inject
    Triggers triggers;

    @Inject
    ServingCalls serving;

    @Inject
    RegistryCalls registry;

    @Inject
    IngestCalls ingest;

    @Inject
    PreprocessCalls preprocess;

    @Inject
    TrainingCalls training;

    @Inject
    LoopRecords records;

    /**
     * Starts a run of {@code policy} if a trigger fired; {@code last} is the last run, ended (null:
     * never ran).
     *
     * @throws DomainException UNAVAILABLE when a service is away: the next pass tries again
     */
    public void startIfTriggered(String project, RetrainingPolicy policy, RetrainingRun last) {
        Optional<Triggers.Trigger> alert = triggers.alertFired(project, policy, last);
        if (alert.isEmpty() && policy.triggerNewRecords() == 0) {
            return;
        }
        Deployment deployment = serving.deployment(policy.endpoint());
        ModelVersion champion = registry.version(deployment.getModelName(), deployment.getServingVersion());
        Lineage lineage = champion.getLineage();
        long trainedThrough = Math.max(lineage.getDatasetVersion(), last == null ? 0 : last.datasetVersion());
        Optional<Triggers.Trigger> fired = alert.isPresent() ? alert
                : triggers.newRecords(policy, lineage.getDataset(), trainedThrough);
        if (fired.isEmpty()) {
            return;
        }
        Triggers.Trigger trigger = fired.get();
        Instant now = Instant.now();
        RetrainingRun run = new RetrainingRun(UUID.randomUUID().toString(), project, policy.endpoint(),
                RunStage.TRAINING, champion.getModelName(), champion.getVersion(), 0, lineage.getDataset(),
                0, "", now, now, null);
        if (lineage.getTrainingJobId().isEmpty() || lineage.getDataset().isEmpty()) {
            records.decide(run.at(RunStage.SKIPPED, now), DecisionAction.SKIP, trigger.reason() + "; but "
                    + champion.getModelName() + " v" + champion.getVersion() + " was not trained by the platform "
                    + "(no training job in its lineage), so there is no spec to retrain with", trigger.figures());
            return;
        }
        Optional<Long> version = newestData(lineage.getDataset(), trainedThrough);
        if (version.isEmpty()) {
            records.decide(run.at(RunStage.SKIPPED, now), DecisionAction.SKIP, trigger.reason() + "; but dataset "
                    + lineage.getDataset() + " has no rows after v" + trainedThrough + " to retrain on",
                    trigger.figures());
            return;
        }
        RetrainingRun onData = run.on(version.get());
        try {
            PreparedDataset prepared = preprocess.prepared(lineage.getDataset(), lineage.getDatasetVersion(),
                    lineage.getPipeline());
            preprocess.prepare(lineage.getDataset(), version.get(), prepared.getPipeline());
            JobSpec spec = retrainingSpec(training.job(lineage.getTrainingJobId()).getSpec(), version.get(),
                    policy.overrides());
            Job job = training.submit(spec, run.id());
            Map<String, Double> figures = new LinkedHashMap<>(trigger.figures());
            figures.put("dataset_version", (double) version.get());
            records.decide(onData.withJob(job.getId()), DecisionAction.RETRAIN, trigger.reason() + "; retraining "
                    + run.modelName() + " (champion v" + run.championVersion() + ") on " + run.dataset() + " v"
                    + version.get() + " with pipeline " + lineage.getPipeline() + " as job " + job.getId(), figures);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                throw e;
            }
            records.decide(onData.at(RunStage.FAILED, Instant.now()), DecisionAction.FAIL, trigger.reason()
                    + "; but retraining could not start: " + e.getMessage(), trigger.figures());
        }
    }

    /** The version to retrain on: the open rows sealed now, else the newest sealed after {@code trainedThrough}. */
    private Optional<Long> newestData(String dataset, long trainedThrough) {
        Dataset described = ingest.dataset(dataset);
        if (described.getOpenRows() > 0) {
            Optional<DatasetVersion> sealed = ingest.seal(dataset);
            if (sealed.isPresent()) {
                return Optional.of(sealed.get().getVersion());
            }
            described = ingest.dataset(dataset); // sealed meanwhile by another caller, or by ingest itself
        }
        return described.getLatestVersion() > trainedThrough ? Optional.of(described.getLatestVersion())
                : Optional.empty();
    }

    /** The champion's spec on {@code version}, into alias "challenger", with the policy's overrides. */
    static JobSpec retrainingSpec(JobSpec champion, long version, TrainingOverrides overrides) {
        Hyperparameters.Builder hyperparameters = champion.getHyperparameters().toBuilder();
        if (overrides.epochs() > 0) {
            hyperparameters.setEpochs(overrides.epochs());
        }
        if (overrides.batchSize() > 0) {
            hyperparameters.setBatchSize(overrides.batchSize());
        }
        if (overrides.learningRate() > 0) {
            hyperparameters.setLearningRate(overrides.learningRate());
        }
        if (!overrides.hiddenUnits().isEmpty()) {
            hyperparameters.clearHiddenUnits().addAllHiddenUnits(overrides.hiddenUnits());
        }
        if (overrides.seed() != 0) {
            hyperparameters.setSeed(overrides.seed());
        }
        if (overrides.weightDecay() > 0) {
            hyperparameters.setWeightDecay(overrides.weightDecay());
        }
        return champion.toBuilder().setDatasetVersion(version).setAlias(TrafficMoves.CHALLENGER)
                .setHyperparameters(hyperparameters).build();
    }
}
