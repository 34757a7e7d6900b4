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
import dev.aiaas.serving.service.ModelRepository;
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
    ModelRepository repository;

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
        reply(response, () -> ModelReadyResponse.newBuilder()
                .setReady("READY".equals(repository.require(request.getName(), request.getVersion()).state()))
                .build());
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> response) {
        reply(response, () -> {
            var model = repository.require(request.getName(), request.getVersion());
            return ModelMetadataResponse.newBuilder().setName(model.name()).addVersions(model.version()).build();
        });
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        reply(response, () -> {
            repository.require(request.getModelName(), request.getModelVersion());
            throw new IllegalStateException("inference is not wired yet");
        });
    }

    @Override
    public void repositoryIndex(RepositoryIndexRequest request, StreamObserver<RepositoryIndexResponse> response) {
        reply(response, () -> RepositoryIndexResponse.newBuilder()
                .addAllModels(repository.all().stream()
                        .filter(m -> !request.getReady() || "READY".equals(m.state()))
                        .map(m -> RepositoryIndexResponse.ModelIndex.newBuilder()
                                .setName(m.name()).setVersion(m.version()).setState(m.state()).build())
                        .toList())
                .build());
    }

    @Override
    public void repositoryModelLoad(RepositoryModelLoadRequest request,
            StreamObserver<RepositoryModelLoadResponse> response) {
        reply(response, () -> {
            repository.require(request.getModelName(), "");
            return RepositoryModelLoadResponse.getDefaultInstance();
        });
    }

    @Override
    public void repositoryModelUnload(RepositoryModelUnloadRequest request,
            StreamObserver<RepositoryModelUnloadResponse> response) {
        reply(response, () -> {
            repository.require(request.getModelName(), "");
            return RepositoryModelUnloadResponse.getDefaultInstance();
        });
    }

    private static <T> void reply(StreamObserver<T> response, Supplier<T> call) {
        response.onNext(call.get());
        response.onCompleted();
    }
}
