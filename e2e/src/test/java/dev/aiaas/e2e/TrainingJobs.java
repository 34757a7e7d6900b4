package dev.aiaas.e2e;

import dev.aiaas.cli.Services;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import java.time.Duration;
import java.util.Set;

/** Runs a training job through the training service and waits for it to end. */
final class TrainingJobs {

    private static final Set<JobState> ENDED = Set.of(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED);

    private TrainingJobs() {
    }

    /** The job, once it SUCCEEDED; fails the caller with the job's error otherwise. */
    static Job runToEnd(Services services, JobSpec spec) throws InterruptedException {
        return runToEnd(services.training(), spec);
    }

    /** The same through {@code training}, e.g. a stub that passes a trace on. */
    static Job runToEnd(TrainingServiceBlockingStub training, JobSpec spec) throws InterruptedException {
        Job job = training.submitJob(SubmitJobRequest.newBuilder().setSpec(spec).build());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!ENDED.contains(job.getState())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job.getId() + " did not end in 10 minutes: " + job.getState());
            }
            Thread.sleep(250);
            job = training.getJob(GetJobRequest.newBuilder().setId(job.getId()).build());
        }
        if (job.getState() != JobState.SUCCEEDED) {
            throw new AssertionError("job " + job.getId() + " ended " + job.getState() + ": " + job.getError());
        }
        return job;
    }
}
