package dev.aiaas.serving.grpc;

import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelReadyRequest;
import dev.aiaas.proto.inference.ModelReadyResponse;
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
import dev.aiaas.serving.protocol.InferenceResponses;
import dev.aiaas.serving.protocol.ModelMetadataView;
import dev.aiaas.serving.protocol.TensorCodec;
import dev.aiaas.serving.service.DeploymentView;
import dev.aiaas.serving.service.Deployments;
import dev.aiaas.serving.service.InferenceCalls;
import io.smallrye.common.annotation.Blocking;
import dev.aiaas.serving.service.ServerState;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** The Open Inference Protocol's gRPC edge. */
@GrpcService
public class InferenceGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    @Inject
    ServerState server;

    @Inject
    Deployments deployments;

    @Inject
    InferenceCalls calls;

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
        reply(response, () -> {
            deployments.acquire(request.getName(), request.getVersion()).release();
            return ModelReadyResponse.newBuilder().setReady(true).build();
        });
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> response) {
        reply(response, () -> {
            var model = deployments.acquire(request.getName(), request.getVersion());
            try {
                return ModelMetadataView.of(request.getName(), model);
            } finally {
                model.release();
            }
        });
    }

    @Override
    @Blocking
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        reply(response, () -> InferenceResponses.encode(request, calls.call(request.getModelName(),
                request.getModelVersion(), request.getId(), () -> TensorCodec.decode(request))));
    }

    @Override
    public void repositoryIndex(RepositoryIndexRequest request, StreamObserver<RepositoryIndexResponse> response) {
        reply(response, () -> RepositoryIndexResponse.newBuilder()
                .addAllModels(deployments.all().stream()
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
        reply(response, () -> {
            DeploymentView deployment = deployments.get(request.getModelName());
            deployments.deploy(deployment.endpoint(), deployment.binding());
            return RepositoryModelLoadResponse.getDefaultInstance();
        });
    }

    @Override
    public void repositoryModelUnload(RepositoryModelUnloadRequest request,
            StreamObserver<RepositoryModelUnloadResponse> response) {
        reply(response, () -> {
            deployments.undeploy(request.getModelName());
            return RepositoryModelUnloadResponse.getDefaultInstance();
        });
    }

    private static <T> void reply(StreamObserver<T> response, Supplier<T> call) {
        response.onNext(call.get());
        response.onCompleted();
    }
}
