package dev.aiaas.bench.training;

import com.google.protobuf.Timestamp;
import dev.aiaas.cli.Services;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A run through the training service: SubmitJob, then GetJob every {@value #POLL_MILLIS} ms
 * until the job has ended; the wall time runs from just before the submit to the answer that
 * says SUCCEEDED. The job's own timestamps (and, read afterwards, its WatchJob events) say
 * where the time went.
 */
final class ServiceJob {

    static final long POLL_MILLIS = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Set<JobState> ENDED = Set.of(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED);

    private final Services services;
    private final DigitsWorkload workload;

    ServiceJob(Services services, DigitsWorkload workload) {
        this.services = services;
        this.workload = workload;
    }

    /** @throws IllegalStateException when the job did not succeed, with the job's error */
    TrainingRun run(int epochs) throws InterruptedException {
        long start = System.nanoTime();
        Job job = services.training().withDeadlineAfter(60, TimeUnit.SECONDS)
                .submitJob(SubmitJobRequest.newBuilder().setSpec(workload.jobSpec(epochs)).build());
        long deadline = start + TIMEOUT.toNanos();
        while (!ENDED.contains(job.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + job.getId() + " did not end in " + TIMEOUT.toMinutes()
                        + " minutes (" + job.getState() + "): look at the training log");
            }
            Thread.sleep(POLL_MILLIS);
            job = services.training().withDeadlineAfter(60, TimeUnit.SECONDS)
                    .getJob(GetJobRequest.newBuilder().setId(job.getId()).build());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (job.getState() != JobState.SUCCEEDED) {
            throw new IllegalStateException("job " + job.getId() + " ended " + job.getState() + ": " + job.getError());
        }
        Map<Integer, Timestamp> epochEnds = epochEnds(job.getId());
        Timestamp lastEpoch = epochEnds.getOrDefault(epochs, job.getStartedAt());
        double epoch = epochEnds.containsKey(1) ? TrainingRun.meanEpoch(0, between(epochEnds.get(1), lastEpoch), epochs)
                : Double.NaN;
        return new TrainingRun(seconds, epoch, job.getEvaluation().getMetricsOrThrow("accuracy"),
                Optional.of(new TrainingRun.JobTimes(between(job.getCreatedAt(), job.getStartedAt()),
                        between(job.getStartedAt(), job.getFinishedAt()), between(lastEpoch, job.getFinishedAt()))));
    }

    /** When each epoch's progress was recorded, read from WatchJob once the job has ended. */
    private Map<Integer, Timestamp> epochEnds(String jobId) {
        Map<Integer, Timestamp> ends = new HashMap<>();
        Iterator<JobEvent> events = services.training().withDeadlineAfter(60, TimeUnit.SECONDS)
                .watchJob(WatchJobRequest.newBuilder().setId(jobId).build());
        while (events.hasNext()) {
            JobEvent event = events.next();
            if (event.getState() == JobState.RUNNING && event.getEpoch() > 0) {
                ends.put(event.getEpoch(), event.getTime());
            }
        }
        return ends;
    }

    private static double between(Timestamp from, Timestamp to) {
        return (to.getSeconds() - from.getSeconds()) + (to.getNanos() - from.getNanos()) / 1e9;
    }
}
