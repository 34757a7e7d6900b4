package dev.aiaas.training.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.messaging.JobQueueEvents;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobProgress;
import dev.aiaas.training.model.JobLimits;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.JobState;
import dev.aiaas.training.storage.JobStore;
import dev.aiaas.training.storage.PreparedDatasetReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Submitting, reading and cancelling a project's jobs; every state change is also a progress
 * entry. A job of another project is NOT_FOUND exactly like a missing one.
 */
@ApplicationScoped
public class JobQueue {

    @Inject
    JobStore jobs;

    @Inject
    JobQueueEvents events;

    @Inject
    TrainingConfig config;

    @Inject
    PreparedDatasetReader prepared;

    /**
     * Queues a job once the whole spec checks out (INVALID_ARGUMENT), its data is prepared and
     * its family fits that data (FAILED_PRECONDITION). A request id already used returns that
     * job instead, unchecked: it is the same submit again. The prepared data is read before
     * the transaction starts, so no connection waits on the object store.
     */
    public Job submit(String project, JobSpec spec, String requestId) {
        Optional<Job> earlier = earlierSubmit(project, requestId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        TrainingConfig.Limits limits = config.limits();
        JobSpec checked = spec.validated(new JobLimits(limits.maxEpochs(), limits.maxBatchSize(),
                limits.maxHiddenLayers(), limits.maxHiddenUnits()));
        TrainingSetup.check(checked, prepared.manifest(project, checked.dataset(), checked.datasetVersion(),
                checked.pipeline()));
        return QuarkusTransaction.requiringNew().call(() -> run(() -> {
            Optional<Job> meanwhile = requestId.isBlank() ? Optional.empty()
                    : jobs.findByRequestId(project, requestId);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            String id = "job-" + UUID.randomUUID();
            jobs.insert(project, id, requestId, checked);
            jobs.appendProgress(project, id, JobState.QUEUED, 0, null, Map.of(), "queued");
            events.queued(project, id);
            return jobs.find(project, id).orElseThrow();
        }));
    }

    private Optional<Job> earlierSubmit(String project, String requestId) {
        return requestId.isBlank() ? Optional.empty() : run(() -> jobs.findByRequestId(project, requestId));
    }

    /** The project's job {@code id}; NOT_FOUND when it has none by that id. */
    public Job get(String project, String id) {
        return run(() -> jobs.find(project, id)).orElseThrow(() -> notFound(id));
    }

    /** The project's jobs, newest first, optionally of one state, at most the configured list limit. */
    public List<Job> list(String project, JobState state, int limit) {
        int bounded = limit <= 0 ? config.listLimit() : Math.min(limit, config.listLimit());
        return run(() -> jobs.list(project, state, bounded));
    }

    /** Cancels a job of the project that has not finished; a finished job is returned unchanged. */
    @Transactional
    public Job cancel(String project, String id) {
        return run(() -> {
            Job job = jobs.findForUpdate(project, id).orElseThrow(() -> notFound(id));
            if (!job.state().finished()) {
                jobs.finish(project, id, JobState.CANCELLED, "");
                jobs.appendProgress(project, id, JobState.CANCELLED, job.epoch(), null, Map.of(),
                        "cancelled on request");
            }
            return jobs.find(project, id).orElseThrow();
        });
    }

    /** Progress of a job of the project after the given sequence number (0 = from the start). */
    public List<JobProgress> progressAfter(String project, String id, long sequence) {
        return run(() -> jobs.progressAfter(project, id, sequence));
    }

    /** The same answer for a job of another project as for a missing one: which ids exist elsewhere never shows. */
    private static DomainException notFound(String id) {
        return DomainException.notFound("no training job with id '" + id + "'");
    }
}
