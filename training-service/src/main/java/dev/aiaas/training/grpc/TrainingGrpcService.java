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
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Training's gRPC edge. */
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
        response.onNext(TrainingMessages.toProto(
                queue.submit(TrainingMessages.toDomain(request.getSpec()), request.getRequestId())));
        response.onCompleted();
    }

    @Override
    public void getJob(GetJobRequest request, StreamObserver<Job> response) {
        response.onNext(TrainingMessages.toProto(queue.get(request.getId())));
        response.onCompleted();
    }

    @Override
    public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
        response.onNext(ListJobsResponse.newBuilder()
                .addAllJobs(queue.list(TrainingMessages.toDomain(request.getState()), request.getLimit()).stream()
                        .map(TrainingMessages::toProto).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public void cancelJob(CancelJobRequest request, StreamObserver<Job> response) {
        response.onNext(TrainingMessages.toProto(queue.cancel(request.getId())));
        response.onCompleted();
    }

    @Override
    public void watchJob(WatchJobRequest request, StreamObserver<JobEvent> response) {
        queue.get(request.getId()); // NOT_FOUND before the stream starts
        new JobWatch(request.getId(), queue, (ServerCallStreamObserver<JobEvent>) response, config.watchTimeout())
                .start(watchTimer, config.watchInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        watchTimer.shutdownNow();
    }
}
