package dev.aiaas.serving.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.proto.serving.v1.Batching;
import dev.aiaas.proto.serving.v1.BoundVersion;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsResponse;
import dev.aiaas.proto.serving.v1.SetTrafficRequest;
import dev.aiaas.proto.serving.v1.UndeployRequest;
import dev.aiaas.proto.serving.v1.UndeployResponse;
import dev.aiaas.proto.serving.v1.VersionBinding;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.TrafficSplit;
import dev.aiaas.serving.service.DeploymentView;
import dev.aiaas.serving.service.Deployments;
import dev.aiaas.serving.service.ServedEndpoints;
import dev.aiaas.serving.service.ServerState;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The deployment API's gRPC edge: deployments with their champion, challenger and shadow
 * bindings, and the traffic split between them. Every RPC acts in the caller's project
 * ({@link ProjectScope#current()}): endpoints are declared, read, listed and removed there
 * only, and another project's endpoint is NOT_FOUND like a missing one.
 */
@GrpcService
@Blocking
public class DeploymentGrpcService extends DeploymentServiceGrpc.DeploymentServiceImplBase {

    @Inject
    Deployments deployments;

    @Inject
    ServedEndpoints endpoints;

    @Inject
    ServerState server;

    @Inject
    ServingConfig config;

    @Override
    public void deploy(DeployRequest request, StreamObserver<Deployment> response) {
        String model = request.getModelName();
        DeploymentView view = deployments.deploy(new DesiredDeployment(ProjectScope.current(),
                request.getEndpoint(), new Binding(model, request.getAlias(), request.getVersion()),
                policy(request.getBatching()),
                request.hasChallenger() ? binding(model, request.getChallenger()) : null,
                request.hasShadow() ? binding(model, request.getShadow()) : null,
                new TrafficSplit(request.getChallengerWeight(), request.getShadowShare())));
        server.publish();
        response.onNext(toProto(view));
        response.onCompleted();
    }

    @Override
    public void setTraffic(SetTrafficRequest request, StreamObserver<Deployment> response) {
        DeploymentView view = deployments.setTraffic(ProjectScope.current(), request.getEndpoint(),
                new TrafficSplit(request.getChallengerWeight(), request.getShadowShare()));
        server.publish(); // an endpoint declared elsewhere may have been loaded here by the change
        response.onNext(toProto(view));
        response.onCompleted();
    }

    @Override
    public void getDeployment(GetDeploymentRequest request, StreamObserver<Deployment> response) {
        response.onNext(toProto(endpoints.get(ProjectScope.current(), request.getEndpoint())));
        response.onCompleted();
    }

    @Override
    public void listDeployments(ListDeploymentsRequest request, StreamObserver<ListDeploymentsResponse> response) {
        response.onNext(ListDeploymentsResponse.newBuilder().addAllDeployments(endpoints.all(ProjectScope.current())
                .stream().map(DeploymentGrpcService::toProto).toList()).build());
        response.onCompleted();
    }

    @Override
    public void undeploy(UndeployRequest request, StreamObserver<UndeployResponse> response) {
        deployments.undeploy(ProjectScope.current(), request.getEndpoint());
        server.publish();
        response.onNext(UndeployResponse.getDefaultInstance());
        response.onCompleted();
    }

    /** The request's batching, the server's defaults for every field left at zero. */
    private BatchPolicy policy(Batching batching) {
        ServingConfig.Batching defaults = config.batching();
        Duration delay = batching.getMaxQueueDelayUs() > 0 ? Duration.ofNanos(batching.getMaxQueueDelayUs() * 1000L)
                : batching.getMaxQueueDelayMs() > 0 ? Duration.ofMillis(batching.getMaxQueueDelayMs())
                : defaults.maxQueueDelay();
        try {
            return new BatchPolicy(
                    batching.getMaxBatchSize() > 0 ? batching.getMaxBatchSize() : defaults.maxBatchSize(),
                    delay,
                    batching.getMaxQueueSize() > 0 ? batching.getMaxQueueSize() : defaults.maxQueueSize(),
                    batching.getInstances() > 0 ? batching.getInstances() : defaults.instances());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("batching: " + e.getMessage(), e);
        }
    }

    /** A challenger's or shadow's binding: a version of the deployment's own model. */
    private static Binding binding(String model, VersionBinding binding) {
        return new Binding(model, binding.getAlias(), binding.getVersion());
    }

    private static Deployment toProto(DeploymentView view) {
        Binding binding = view.binding();
        BatchPolicy batching = view.batching();
        long delayMicros = batching.maxQueueDelay().toNanos() / 1000;
        Deployment.Builder deployment = Deployment.newBuilder()
                .setEndpoint(view.endpoint())
                .setModelName(binding.modelName())
                .setAlias(binding.followsAlias() ? binding.alias() : "")
                .setVersion(binding.followsAlias() ? 0 : binding.version())
                .setServingVersion(view.servingVersion())
                .setBatching(Batching.newBuilder().setMaxBatchSize(batching.maxBatchSize())
                        .setMaxQueueDelayMs((int) (delayMicros / 1000)).setMaxQueueDelayUs((int) delayMicros)
                        .setMaxQueueSize(batching.queueCapacity()).setInstances(batching.instances()))
                .setState(DeploymentState.valueOf(view.state()))
                .setMessage(view.message())
                .setUpdatedAt(Timestamp.newBuilder().setSeconds(view.updatedAt().getEpochSecond()))
                .setModelMemoryBytes(view.modelMemoryBytes())
                .setQueuedRequests(view.queuedRequests())
                .setChallengerWeight(view.traffic().challengerWeight())
                .setShadowShare(view.traffic().shadowShare());
        if (view.challenger() != null) {
            deployment.setChallenger(toProto(view.challenger()));
        }
        if (view.shadow() != null) {
            deployment.setShadow(toProto(view.shadow()));
        }
        return deployment.build();
    }

    private static BoundVersion toProto(DeploymentView.Bound bound) {
        Binding binding = bound.binding();
        return BoundVersion.newBuilder()
                .setAlias(binding.followsAlias() ? binding.alias() : "")
                .setVersion(binding.followsAlias() ? 0 : binding.version())
                .setServingVersion(bound.servingVersion())
                .setState(DeploymentState.valueOf(bound.state()))
                .setMessage(bound.message())
                .setModelMemoryBytes(bound.modelMemoryBytes())
                .setQueuedRequests(bound.queuedRequests())
                .build();
    }
}
