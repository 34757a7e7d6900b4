package dev.aiaas.serving.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsResponse;
import dev.aiaas.proto.serving.v1.UndeployRequest;
import dev.aiaas.proto.serving.v1.UndeployResponse;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.service.DeploymentView;
import dev.aiaas.serving.service.Deployments;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/** The deployment API's gRPC edge. */
@GrpcService
@Blocking
public class DeploymentGrpcService extends DeploymentServiceGrpc.DeploymentServiceImplBase {

    @Inject
    Deployments deployments;

    @Override
    public void deploy(DeployRequest request, StreamObserver<Deployment> response) {
        response.onNext(toProto(deployments.deploy(request.getEndpoint(),
                new Binding(request.getModelName(), request.getAlias(), request.getVersion()))));
        response.onCompleted();
    }

    @Override
    public void getDeployment(GetDeploymentRequest request, StreamObserver<Deployment> response) {
        response.onNext(toProto(deployments.get(request.getEndpoint())));
        response.onCompleted();
    }

    @Override
    public void listDeployments(ListDeploymentsRequest request, StreamObserver<ListDeploymentsResponse> response) {
        response.onNext(ListDeploymentsResponse.newBuilder()
                .addAllDeployments(deployments.all().stream().map(DeploymentGrpcService::toProto).toList()).build());
        response.onCompleted();
    }

    @Override
    public void undeploy(UndeployRequest request, StreamObserver<UndeployResponse> response) {
        deployments.undeploy(request.getEndpoint());
        response.onNext(UndeployResponse.getDefaultInstance());
        response.onCompleted();
    }

    private static Deployment toProto(DeploymentView view) {
        Binding binding = view.binding();
        return Deployment.newBuilder()
                .setEndpoint(view.endpoint())
                .setModelName(binding.modelName())
                .setAlias(binding.followsAlias() ? binding.alias() : "")
                .setVersion(binding.followsAlias() ? 0 : binding.version())
                .setServingVersion(view.servingVersion())
                .setState(DeploymentState.valueOf(view.state()))
                .setMessage(view.message())
                .setUpdatedAt(Timestamp.newBuilder().setSeconds(view.updatedAt().getEpochSecond()))
                .build();
    }
}
