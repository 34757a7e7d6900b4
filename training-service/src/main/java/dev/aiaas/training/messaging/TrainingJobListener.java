package dev.aiaas.training.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.EventHeaders;
import dev.aiaas.proto.events.v1.TrainingJobQueued;
import dev.aiaas.training.service.TrainingWorker;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the jobs announced on {@code aiaas.training.jobs} (consumer group
 * {@code training-workers}: each announcement goes to one replica). The announcement only
 * names the job; the job row in PostgreSQL is the queue of record, and claiming it there is
 * what makes one worker, and only one, run it. The job is run for the project the header names
 * (a job is looked up in that project only). Jobs run one at a time per replica, on the
 * single-thread {@value #POOL} pool.
 */
@ApplicationScoped
public class TrainingJobListener {

    static final String POOL = "training-worker";

    @Inject
    TrainingWorker worker;

    @Incoming("training-jobs")
    @Blocking(POOL)
    public void onJobQueued(byte[] payload) {
        TrainingJobQueued event = parse(payload);
        worker.run(EventHeaders.project(event.getHeader()), event.getJobId());
    }

    private static TrainingJobQueued parse(byte[] payload) {
        try {
            TrainingJobQueued event = TrainingJobQueued.parseFrom(payload);
            if (event.getJobId().isEmpty()) {
                throw new IllegalArgumentException("training job announcement names no job");
            }
            return event;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("record on aiaas.training.jobs is not an aiaas.events.v1.TrainingJobQueued: "
                    + e.getMessage(), e);
        }
    }
}
