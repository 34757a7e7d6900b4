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

/** Submitting, reading and cancelling jobs; every state change is also a progress entry. */
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
    public Job submit(JobSpec spec, String requestId) {
        Optional<Job> earlier = earlierSubmit(requestId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        TrainingConfig.Limits limits = config.limits();
        JobSpec checked = spec.validated(new JobLimits(limits.maxEpochs(), limits.maxBatchSize(),
                limits.maxHiddenLayers(), limits.maxHiddenUnits()));
        TrainingSetup.modelSpec(checked, prepared.manifest(checked.dataset(), checked.datasetVersion(),
                checked.pipeline()));
        return QuarkusTransaction.requiringNew().call(() -> run(() -> {
            Optional<Job> meanwhile = requestId.isBlank() ? Optional.empty() : jobs.findByRequestId(requestId);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            String id = "job-" + UUID.randomUUID();
            jobs.insert(id, requestId, checked);
            jobs.appendProgress(id, JobState.QUEUED, 0, null, Map.of(), "queued");
            events.queued(id);
            return jobs.find(id).orElseThrow();
        }));
    }

    private Optional<Job> earlierSubmit(String requestId) {
        return requestId.isBlank() ? Optional.empty() : run(() -> jobs.findByRequestId(requestId));
    }

    public Job get(String id) {
        return run(() -> jobs.find(id)).orElseThrow(() -> DomainException.notFound("no training job with id '" + id + "'"));
    }

    public List<Job> list(JobState state, int limit) {
        int bounded = limit <= 0 ? config.listLimit() : Math.min(limit, config.listLimit());
        return run(() -> jobs.list(state, bounded));
    }

    /** Cancels a job that has not finished; a finished job is returned unchanged. */
    @Transactional
    public Job cancel(String id) {
        return run(() -> {
            Job job = jobs.findForUpdate(id).orElseThrow(
                    () -> DomainException.notFound("no training job with id '" + id + "'"));
            if (!job.state().finished()) {
                jobs.finish(id, JobState.CANCELLED, "");
                jobs.appendProgress(id, JobState.CANCELLED, job.epoch(), null, Map.of(), "cancelled on request");
            }
            return jobs.find(id).orElseThrow();
        });
    }

    /** Progress of a job after the given sequence number (0 = from the start). */
    public List<JobProgress> progressAfter(String id, long sequence) {
        return run(() -> jobs.progressAfter(id, sequence));
    }
}
