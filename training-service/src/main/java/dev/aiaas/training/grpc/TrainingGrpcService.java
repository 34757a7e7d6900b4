package dev.aiaas.training.grpc;

import dev.aiaas.proto.training.v1.CancelJobRequest;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.ListJobsRequest;
import dev.aiaas.proto.training.v1.ListJobsResponse;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc;
import dev.aiaas.proto.training.v1.WatchJobRequest;
import dev.aiaas.training.config.TrainingConfig;
import dev.aiaas.training.service.JobQueue;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Training's gRPC edge. Every call acts within the project it was admitted for
 * ({@link ProjectScope#current()}), handed to the queue explicitly: a job of another project is
 * NOT_FOUND like a missing one, and lists show the caller's project's jobs only.
 */
@GrpcService
@Blocking
public class TrainingGrpcService extends TrainingServiceGrpc.TrainingServiceImplBase {

    private final ScheduledExecutorService watchTimer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "job-watch"));

    @Inject
    JobQueue queue;

    @Inject
    TrainingConfig config;

    @Override
    public void submitJob(SubmitJobRequest request, StreamObserver<Job> response) {
        String project = ProjectScope.current();
        response.onNext(TrainingMessages.toProto(
                queue.submit(project, TrainingMessages.toDomain(request.getSpec()), request.getRequestId())));
        response.onCompleted();
    }

    @Override
    public void getJob(GetJobRequest request, StreamObserver<Job> response) {
        String project = ProjectScope.current();
        response.onNext(TrainingMessages.toProto(queue.get(project, request.getId())));
        response.onCompleted();
    }

    @Override
    public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
        String project = ProjectScope.current();
        response.onNext(ListJobsResponse.newBuilder()
                .addAllJobs(queue.list(project, TrainingMessages.toDomain(request.getState()), request.getLimit())
                        .stream().map(TrainingMessages::toProto).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public void cancelJob(CancelJobRequest request, StreamObserver<Job> response) {
        String project = ProjectScope.current();
        response.onNext(TrainingMessages.toProto(queue.cancel(project, request.getId())));
        response.onCompleted();
    }

    @Override
    public void watchJob(WatchJobRequest request, StreamObserver<JobEvent> response) {
        String project = ProjectScope.current(); // the timer's polls run outside the call: they are handed it
        queue.get(project, request.getId()); // NOT_FOUND before the stream starts
        new JobWatch(project, request.getId(), queue, (ServerCallStreamObserver<JobEvent>) response,
                config.watchTimeout()).start(watchTimer, config.watchInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        watchTimer.shutdownNow();
    }
}
