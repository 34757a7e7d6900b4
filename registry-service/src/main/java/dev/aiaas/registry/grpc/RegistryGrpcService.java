package dev.aiaas.registry.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.CreateRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.DeleteAliasRequest;
import dev.aiaas.proto.registry.v1.DeleteAliasResponse;
import dev.aiaas.proto.registry.v1.GetAliasHistoryRequest;
import dev.aiaas.proto.registry.v1.GetAliasHistoryResponse;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.GetRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsResponse;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsRequest;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsResponse;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegisteredModel;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.registry.v1.SetModelVersionTagRequest;
import dev.aiaas.proto.registry.v1.UploadModelVersionRequest;
import dev.aiaas.registry.service.ModelRegistry;
import dev.aiaas.registry.service.ModelUploads;
import dev.aiaas.security.quarkus.CallerAccess;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * The registry's gRPC edge: maps messages to {@link ModelRegistry} calls and back. Every call
 * acts within the project it was admitted for ({@link ProjectScope#current()}; the training
 * service registering a job's model names the job's project in the {@code aiaas-project} header),
 * which it hands to the registry explicitly.
 */
@GrpcService
@Blocking
public class RegistryGrpcService extends RegistryServiceGrpc.RegistryServiceImplBase {

    @Inject
    ModelRegistry registry;

    @Inject
    ModelUploads uploads;

    @Override
    public void createRegisteredModel(CreateRegisteredModelRequest request, StreamObserver<RegisteredModel> response) {
        String project = ProjectScope.current();
        reply(response, () -> RegistryMessages.toProto(
                registry.createModel(project, request.getName(), request.getDescription(), request.getTagsMap())));
    }

    @Override
    public void getRegisteredModel(GetRegisteredModelRequest request, StreamObserver<RegisteredModel> response) {
        String project = ProjectScope.current();
        reply(response, () -> RegistryMessages.toProto(registry.getModel(project, request.getName())));
    }

    @Override
    public void listRegisteredModels(ListRegisteredModelsRequest request,
            StreamObserver<ListRegisteredModelsResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> ListRegisteredModelsResponse.newBuilder()
                .addAllModels(registry.listModels(project).stream().map(RegistryMessages::toProto).toList())
                .build());
    }

    @Override
    public void createModelVersion(CreateModelVersionRequest request, StreamObserver<ModelVersion> response) {
        String project = ProjectScope.current();
        reply(response, () -> RegistryMessages.toProto(
                registry.createVersion(project, RegistryMessages.toDomain(request))));
    }

    @Override
    public StreamObserver<UploadModelVersionRequest> uploadModelVersion(StreamObserver<ModelVersion> response) {
        return new UploadModelVersionObserver(uploads, ProjectScope.current(), response);
    }

    @Override
    public void getModelVersion(GetModelVersionRequest request, StreamObserver<ModelVersion> response) {
        String project = ProjectScope.current();
        reply(response, () -> RegistryMessages.toProto(switch (request.getSelectorCase()) {
            case VERSION -> registry.getVersion(project, request.getModelName(), request.getVersion());
            case ALIAS -> registry.getVersionByAlias(project, request.getModelName(), request.getAlias());
            case SELECTOR_NOT_SET -> throw DomainException.invalid(
                    "name a version or an alias of model " + request.getModelName());
        }));
    }

    @Override
    public void listModelVersions(ListModelVersionsRequest request, StreamObserver<ListModelVersionsResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> ListModelVersionsResponse.newBuilder()
                .addAllVersions(registry.listVersions(project, request.getModelName()).stream()
                        .map(RegistryMessages::toProto).toList())
                .build());
    }

    @Override
    public void setAlias(SetAliasRequest request, StreamObserver<Alias> response) {
        String project = ProjectScope.current();
        reply(response, () -> {
            long previous = registry.setAlias(project, request.getModelName(), request.getAlias(), request.getVersion(),
                    CallerAccess.subject());
            return RegistryMessages.alias(request.getModelName(), request.getAlias(), request.getVersion(), previous);
        });
    }

    @Override
    public void deleteAlias(DeleteAliasRequest request, StreamObserver<DeleteAliasResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> {
            registry.deleteAlias(project, request.getModelName(), request.getAlias(), CallerAccess.subject());
            return DeleteAliasResponse.getDefaultInstance();
        });
    }

    @Override
    public void getAliasHistory(GetAliasHistoryRequest request, StreamObserver<GetAliasHistoryResponse> response) {
        String project = ProjectScope.current();
        reply(response, () -> GetAliasHistoryResponse.newBuilder()
                .addAllChanges(registry.aliasHistory(project, request.getModelName(), request.getAlias()).stream()
                        .map(RegistryMessages::toProto).toList())
                .build());
    }

    @Override
    public void setModelVersionTag(SetModelVersionTagRequest request, StreamObserver<ModelVersion> response) {
        String project = ProjectScope.current();
        reply(response, () -> RegistryMessages.toProto(registry.setTag(
                project, request.getModelName(), request.getVersion(), request.getKey(), request.getValue())));
    }

    private static <T> void reply(StreamObserver<T> response, Supplier<T> call) {
        response.onNext(call.get());
        response.onCompleted();
    }
}
