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
 * a worker whose lease ran out (the job was re-queued) changes nothing any more.
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

    public Optional<Job> find(String id) {
        return run(() -> jobs.find(id));
    }

    /**
     * Takes a QUEUED job under a lease, with the checkpoint it resumes from; empty when it was
     * cancelled or another worker took it.
     */
    @Transactional
    public Optional<ClaimedJob> claim(String id, String device) {
        return run(() -> {
            if (!leases.claim(id, worker.id(), device, config.worker().lease())) {
                return Optional.empty();
            }
            Optional<JobCheckpoint> checkpoint = leases.lastCheckpoint(id);
            String message = checkpoint.map(c -> "resuming after epoch " + c.epoch() + " on " + device + " (worker "
                    + worker.id() + ")").orElse("training on " + device + " (worker " + worker.id() + ")");
            jobs.appendProgress(id, JobState.RUNNING, checkpoint.map(JobCheckpoint::epoch).orElse(0), null, Map.of(),
                    message);
            return Optional.of(new ClaimedJob(id, checkpoint));
        });
    }

    /**
     * Records a finished epoch and the checkpoint saved after it; false when the job is no
     * longer RUNNING under this worker (cancelled, or re-queued after a lost lease).
     */
    @Transactional
    public boolean epochFinished(String id, EpochReport report, Optional<JobCheckpoint> checkpoint) {
        return run(() -> {
            if (!jobs.recordEpoch(id, worker.id(), report.epoch())) {
                return false;
            }
            if (checkpoint.isPresent()) {
                leases.checkpoint(id, worker.id(), checkpoint.get());
            }
            jobs.appendProgress(id, JobState.RUNNING, report.epoch(), report.trainLoss(), report.validation(),
                    "epoch " + report.epoch() + "/" + report.epochs());
            return true;
        });
    }

    /** Whether the job is still RUNNING under this worker: false once CancelJob ended it or its lease was lost. */
    public boolean running(String id) {
        return run(() -> leases.holds(id, worker.id()));
    }

    /** Extends this worker's lease on a job; false when it holds the job no more. */
    public boolean renewLease(String id) {
        return run(() -> leases.renew(id, worker.id(), config.worker().lease()));
    }

    /** Ends the job SUCCEEDED with its test evaluation and registry version; false when it was cancelled first. */
    @Transactional
    public boolean succeed(String id, Map<String, Double> metrics, ConfusionMatrix confusion, long version,
            String message) {
        return run(() -> {
            if (!jobs.succeed(id, worker.id(), metrics, confusion, version)) {
                return false;
            }
            jobs.appendProgress(id, JobState.SUCCEEDED, epoch(id), null, metrics, message);
            return true;
        });
    }

    /** Ends the job FAILED with what to do about it, unless it already ended (cancelled) or left this worker. */
    @Transactional
    public void fail(String id, String error) {
        run(() -> {
            if (jobs.failRunning(id, worker.id(), error)) {
                jobs.appendProgress(id, JobState.FAILED, epoch(id), null, Map.of(), error);
            }
            return null;
        });
    }

    private int epoch(String id) throws java.sql.SQLException {
        return jobs.find(id).map(Job::epoch).orElse(0);
    }
}
