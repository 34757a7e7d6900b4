package dev.aiaas.training.grpc;

import dev.aiaas.errors.StatusMapping;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.training.model.JobProgress;
import dev.aiaas.training.service.JobQueue;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One WatchJob stream: polls the stored progress of the job (of the caller's project) on a shared timer and forwards new
 * entries, until the job finishes, the client cancels or the stream times out. Holds no
 * thread while it waits.
 */
final class JobWatch {

    private final String project;
    private final String jobId;
    private final JobQueue queue;
    private final ServerCallStreamObserver<JobEvent> stream;
    private final Instant deadline;
    private long sequence;
    private ScheduledFuture<?> poll;

    JobWatch(String project, String jobId, JobQueue queue, ServerCallStreamObserver<JobEvent> stream,
            Duration timeout) {
        this.project = project;
        this.jobId = jobId;
        this.queue = queue;
        this.stream = stream;
        this.deadline = Instant.now().plus(timeout);
    }

    void start(ScheduledExecutorService timer, Duration interval) {
        stream.setOnCancelHandler(this::stop);
        poll = timer.scheduleWithFixedDelay(this::forward, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void forward() {
        if (stream.isCancelled()) {
            stop();
            return;
        }
        try {
            for (JobProgress progress : queue.progressAfter(project, jobId, sequence)) {
                sequence = progress.sequence();
                stream.onNext(TrainingMessages.toProto(progress));
                if (progress.state().finished()) {
                    stream.onCompleted();
                    stop();
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                stream.onCompleted();
                stop();
            }
        } catch (RuntimeException e) {
            stream.onError(StatusMapping.toStatus(e).asRuntimeException());
            stop();
        }
    }

    private void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
