package dev.aiaas.cli.jobs;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/** Follows a job to its end, printing every event as it comes, and reports how it ended. */
final class JobWatch {

    /** Longest a watch follows one job. */
    private static final long WATCH_HOURS = 24;

    private JobWatch() {
    }

    /**
     * Prints the job's events until it ends, then the finished job.
     *
     * @throws CommandFailure when it did not succeed (exit code 7)
     */
    static Job follow(Session session, Job job) {
        int epochs = job.getSpec().getHyperparameters().getEpochs();
        Iterator<JobEvent> events = session.services().training().withDeadlineAfter(WATCH_HOURS, TimeUnit.HOURS)
                .watchJob(WatchJobRequest.newBuilder().setId(job.getId()).build());
        while (events.hasNext()) {
            JobEvent event = events.next();
            session.printer().event(event, () -> JobView.event(event, epochs));
        }
        Job finished = session.services().training().getJob(GetJobRequest.newBuilder().setId(job.getId()).build());
        session.printer().event(finished, () -> "\n" + JobView.full(finished));
        if (finished.getState() != JobState.SUCCEEDED) {
            throw CommandFailure.rejectedOrFailed("job " + finished.getId() + " ended " + finished.getState()
                    + (finished.getError().isEmpty() ? "" : ": " + finished.getError()));
        }
        return finished;
    }
}
