package dev.aiaas.training.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.models.EpochReport;
import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.model.ClaimedJob;
import dev.aiaas.training.model.ConfusionMatrix;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobCheckpoint;
import dev.aiaas.training.model.JobState;
import dev.aiaas.training.storage.JobLeases;
import dev.aiaas.training.storage.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/**
 * This worker's moves of a job through RUNNING to its end, each with its progress entry in
 * the same transaction. Every move is conditional on the job still RUNNING under this
 * worker's lease (or QUEUED, to claim it), so a CancelJob that lands first always wins, and
 * a worker whose lease ran out (the job was re-queued) changes nothing any more. The worker names
 * the project it runs the job for (the announcement's) in every move.
 */
@ApplicationScoped
public class JobLifecycle {

    @Inject
    JobStore jobs;

    @Inject
    JobLeases leases;

    @Inject
    WorkerIdentity worker;

    @Inject
    TrainingConfig config;

    public Optional<Job> find(String project, String id) {
        return run(() -> jobs.find(project, id));
    }

    /**
     * Takes a QUEUED job under a lease, with the checkpoint it resumes from; empty when it was
     * cancelled or another worker took it.
     */
    @Transactional
    public Optional<ClaimedJob> claim(String project, String id, String device) {
        return run(() -> {
            if (!leases.claim(project, id, worker.id(), device, config.worker().lease())) {
                return Optional.empty();
            }
            Optional<JobCheckpoint> checkpoint = leases.lastCheckpoint(project, id);
            String message = checkpoint.map(c -> "resuming after epoch " + c.epoch() + " on " + device + " (worker "
                    + worker.id() + ")").orElse("training on " + device + " (worker " + worker.id() + ")");
            jobs.appendProgress(project, id, JobState.RUNNING, checkpoint.map(JobCheckpoint::epoch).orElse(0), null,
                    Map.of(), message);
            return Optional.of(new ClaimedJob(id, checkpoint));
        });
    }

    /**
     * Records a finished epoch and the checkpoint saved after it; false when the job is no
     * longer RUNNING under this worker (cancelled, or re-queued after a lost lease).
     */
    @Transactional
    public boolean epochFinished(String project, String id, EpochReport report, Optional<JobCheckpoint> checkpoint) {
        return run(() -> {
            if (!jobs.recordEpoch(project, id, worker.id(), report.epoch())) {
                return false;
            }
            if (checkpoint.isPresent()) {
                leases.checkpoint(project, id, worker.id(), checkpoint.get());
            }
            jobs.appendProgress(project, id, JobState.RUNNING, report.epoch(), report.trainLoss(), report.validation(),
                    "epoch " + report.epoch() + "/" + report.epochs());
            return true;
        });
    }

    /** Whether the job is still RUNNING under this worker: false once CancelJob ended it or its lease was lost. */
    public boolean running(String project, String id) {
        return run(() -> leases.holds(project, id, worker.id()));
    }

    /** Extends this worker's lease on a job; false when it holds the job no more. */
    public boolean renewLease(String project, String id) {
        return run(() -> leases.renew(project, id, worker.id(), config.worker().lease()));
    }

    /** Ends the job SUCCEEDED with its test evaluation and registry version; false when it was cancelled first. */
    @Transactional
    public boolean succeed(String project, String id, Map<String, Double> metrics, ConfusionMatrix confusion,
            long version, String message) {
        return run(() -> {
            if (!jobs.succeed(project, id, worker.id(), metrics, confusion, version)) {
                return false;
            }
            jobs.appendProgress(project, id, JobState.SUCCEEDED, epoch(project, id), null, metrics, message);
            return true;
        });
    }

    /** Ends the job FAILED with what to do about it, unless it already ended (cancelled) or left this worker. */
    @Transactional
    public void fail(String project, String id, String error) {
        run(() -> {
            if (jobs.failRunning(project, id, worker.id(), error)) {
                jobs.appendProgress(project, id, JobState.FAILED, epoch(project, id), null, Map.of(), error);
            }
            return null;
        });
    }

    private int epoch(String project, String id) throws java.sql.SQLException {
        return jobs.find(project, id).map(Job::epoch).orElse(0);
    }
}
