package dev.aiaas.training.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.models.EpochReport;
import dev.aiaas.training.model.ConfusionMatrix;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobState;
import dev.aiaas.training.storage.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's moves of a job through RUNNING to its end, each with its progress entry in
 * the same transaction. Every move is conditional on the job still RUNNING (or QUEUED, to
 * claim it), so a CancelJob that lands first always wins and is never overwritten.
 */
@ApplicationScoped
public class JobLifecycle {

    @Inject
    JobStore jobs;

    public Optional<Job> find(String id) {
        return run(() -> jobs.find(id));
    }

    /** Takes a QUEUED job; false when it was cancelled or another worker took it. */
    @Transactional
    public boolean claim(String id, String device) {
        return run(() -> {
            if (!jobs.claim(id, device)) {
                return false;
            }
            jobs.appendProgress(id, JobState.RUNNING, 0, null, Map.of(), "training on " + device);
            return true;
        });
    }

    /** Records a finished epoch; false when the job is no longer RUNNING (it was cancelled). */
    @Transactional
    public boolean epochFinished(String id, EpochReport report) {
        return run(() -> {
            if (!jobs.recordEpoch(id, report.epoch())) {
                return false;
            }
            jobs.appendProgress(id, JobState.RUNNING, report.epoch(), report.trainLoss(), report.validation(),
                    "epoch " + report.epoch() + "/" + report.epochs());
            return true;
        });
    }

    /** Whether the job is still RUNNING: false once CancelJob ended it. */
    public boolean running(String id) {
        return run(() -> jobs.state(id)).orElse(null) == JobState.RUNNING;
    }

    /** Ends the job SUCCEEDED with its test evaluation and registry version; false when it was cancelled first. */
    @Transactional
    public boolean succeed(String id, Map<String, Double> metrics, ConfusionMatrix confusion, long version,
            String message) {
        return run(() -> {
            if (!jobs.succeed(id, metrics, confusion, version)) {
                return false;
            }
            jobs.appendProgress(id, JobState.SUCCEEDED, epoch(id), null, metrics, message);
            return true;
        });
    }

    /** Ends the job FAILED with what to do about it, unless it already ended (cancelled). */
    @Transactional
    public void fail(String id, String error) {
        run(() -> {
            if (jobs.failRunning(id, error)) {
                jobs.appendProgress(id, JobState.FAILED, epoch(id), null, Map.of(), error);
            }
            return null;
        });
    }

    private int epoch(String id) throws java.sql.SQLException {
        return jobs.find(id).map(Job::epoch).orElse(0);
    }
}
