package dev.aiaas.monitoring.model;

import java.time.Instant;

/**
 * One pass of the retraining loop at an endpoint: from the trigger to a promotion, a rollback or
 * a failure.
 *
 * @param challengerVersion 0 until the job registered it
 * @param finishedAt        null while under way
 */
public record RetrainingRun(
        String id,
        String project,
        String endpoint,
        RunStage stage,
        String modelName,
        long championVersion,
        long challengerVersion,
        String dataset,
        long datasetVersion,
        String jobId,
        Instant startedAt,
        Instant stageStartedAt,
        Instant finishedAt) {

    /** This run moved to {@code next} at {@code at}; an ended stage ends the run. */
    public RetrainingRun at(RunStage next, Instant at) {
        return new RetrainingRun(id, project, endpoint, next, modelName, championVersion, challengerVersion, dataset,
                datasetVersion, jobId, startedAt, at, next.ended() ? at : null);
    }

    /** This run, training on {@code version} of its dataset. */
    public RetrainingRun on(long version) {
        return new RetrainingRun(id, project, endpoint, stage, modelName, championVersion, challengerVersion, dataset,
                version, jobId, startedAt, stageStartedAt, finishedAt);
    }

    /** This run, training as job {@code job}. */
    public RetrainingRun withJob(String job) {
        return new RetrainingRun(id, project, endpoint, stage, modelName, championVersion, challengerVersion, dataset,
                datasetVersion, job, startedAt, stageStartedAt, finishedAt);
    }

    /** This run with its challenger registered as {@code version}. */
    public RetrainingRun withChallenger(long version) {
        return new RetrainingRun(id, project, endpoint, stage, modelName, championVersion, version, dataset,
                datasetVersion, jobId, startedAt, stageStartedAt, finishedAt);
    }
}
