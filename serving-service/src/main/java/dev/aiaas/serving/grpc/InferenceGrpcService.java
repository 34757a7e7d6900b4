package dev.aiaas.serving.grpc;

import dev.aiaas.errors.StatusMapping;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelReadyRequest;
import dev.aiaas.proto.inference.ModelReadyResponse;
import dev.aiaas.proto.inference.ModelStatisticsRequest;
import dev.aiaas.proto.inference.ModelStatisticsResponse;
import dev.aiaas.proto.inference.RepositoryIndexRequest;
import dev.aiaas.proto.inference.RepositoryIndexResponse;
import dev.aiaas.proto.inference.RepositoryModelLoadRequest;
import dev.aiaas.proto.inference.RepositoryModelLoadResponse;
import dev.aiaas.proto.inference.RepositoryModelUnloadRequest;
import dev.aiaas.proto.inference.RepositoryModelUnloadResponse;
import dev.aiaas.proto.inference.ServerLiveRequest;
import dev.aiaas.proto.inference.ServerLiveResponse;
import dev.aiaas.proto.inference.ServerMetadataRequest;
import dev.aiaas.proto.inference.ServerMetadataResponse;
import dev.aiaas.proto.inference.ServerReadyRequest;
import dev.aiaas.proto.inference.ServerReadyResponse;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.protocol.ModelMetadataView;
import dev.aiaas.serving.protocol.StatisticsView;
import dev.aiaas.serving.service.Deployments;
import dev.aiaas.serving.service.EndpointUse;
import dev.aiaas.serving.service.InferenceCalls;
import dev.aiaas.serving.service.ServedEndpoints;
import dev.aiaas.serving.service.ServerState;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The Open Inference Protocol's gRPC edge. A model is an endpoint of the caller's project
 * ({@link ProjectScope#current()}): every model RPC (ready, metadata, infer, statistics, the
 * repository) acts in that project, and another project's endpoint is NOT_FOUND like a missing
 * one; the server's liveness, readiness and metadata are the server's, over every project.
 * ModelInfer never blocks the event loop: the request is admitted and queued on it, and the
 * answer is sent from the model's worker thread; a client deadline travels with the request and
 * drops it before compute when it passes.
 */
@GrpcService
public class InferenceGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    @Inject
    ServerState server;

    @Inject
    Deployments deployments;

    @Inject
    ServedEndpoints endpoints;

    @Inject
    InferenceCalls calls;

    @Inject
    ServingConfig config;

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> response) {
        reply(response, () -> ServerLiveResponse.newBuilder().setLive(server.live()).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> response) {
        reply(response, () -> ServerReadyResponse.newBuilder().setReady(server.ready()).build());
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> response) {
        reply(response, () -> ServerMetadataResponse.newBuilder()
                .setName(server.name())
                .setVersion(server.version())
                .addAllExtensions(ServerState.EXTENSIONS)
                .build());
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> {
            endpoints.acquire(project, request.getName(), request.getVersion()).release();
            return ModelReadyResponse.newBuilder().setReady(true).build();
        });
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> {
            EndpointUse use = endpoints.acquire(project, request.getName(), request.getVersion());
            try {
                return ModelMetadataView.of(request.getName(), use.model());
            } finally {
                use.release();
            }
        });
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        try {
            calls.call(ProjectScope.current(), request, deadlineNanos()).whenComplete((answer, failure) -> answer(response, answer, failure));
        } catch (RuntimeException e) {
            answer(response, null, e);
        }
    }

    /** Answers unless the client has gone (cancelled, or its deadline passed): nobody would read it. */
    private static void answer(StreamObserver<ModelInferResponse> response, ModelInferResponse answer,
            Throwable failure) {
        if (response instanceof ServerCallStreamObserver<ModelInferResponse> call && call.isCancelled()) {
            return;
        }
        try {
            if (failure != null) {
                response.onError(StatusMapping.toStatus(failure).asRuntimeException());
            } else {
                response.onNext(answer);
                response.onCompleted();
            }
        } catch (IllegalStateException cancelledMeanwhile) {
            // the client went away between the check and the write
        }
    }

    @Override
    public void modelStatistics(ModelStatisticsRequest request, StreamObserver<ModelStatisticsResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> ModelStatisticsResponse.newBuilder()
                .addAllModelStats(endpoints.statistics(project, request.getName(), request.getVersion()).stream()
                        .map(s -> StatisticsView.of(s.endpoint(), s.version(), s.figures())).toList())
                .build());
    }

    @Override
    public void repositoryIndex(RepositoryIndexRequest request, StreamObserver<RepositoryIndexResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> RepositoryIndexResponse.newBuilder()
                .addAllModels(endpoints.all(project).stream()
                        .filter(d -> !request.getReady() || "READY".equals(d.state()))
                        .map(d -> RepositoryIndexResponse.ModelIndex.newBuilder().setName(d.endpoint())
                                .setVersion(Long.toString(d.servingVersion())).setState(d.state())
                                .setReason(d.message()).build())
                        .toList())
                .build());
    }

    @Override
    @Blocking
    public void repositoryModelLoad(RepositoryModelLoadRequest request,
            StreamObserver<RepositoryModelLoadResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> {
            deployments.deploy(endpoints.get(project, request.getModelName()).declared());
            server.publish();
            return RepositoryModelLoadResponse.getDefaultInstance();
        });
    }

    @Override
    @Blocking
    public void repositoryModelUnload(RepositoryModelUnloadRequest request,
            StreamObserver<RepositoryModelUnloadResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> {
            deployments.undeploy(project, request.getModelName());
            server.publish();
            return RepositoryModelUnloadResponse.getDefaultInstance();
        });
    }

    /** The client's deadline, or the server's default request timeout when it set none. */
    private long deadlineNanos() {
        Long deadline = ClientDeadlines.current();
        return deadline != null ? deadline : System.nanoTime() + config.requestTimeout().toNanos();
    }

    private static <T> void reply(StreamObserver<T> response, Supplier<T> call) {
        response.onNext(call.get());
        response.onCompleted();
    }
}
