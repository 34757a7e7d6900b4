package dev.aiaas.bench;

import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.CreateRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Puts a trained model behind serving endpoints the way a user does, through the real APIs:
 * the registry's CreateRegisteredModel, CreateModelVersion (with the artifacts and their
 * SHA-256) and SetAlias {@value #ALIAS}, then serving's Deploy of {@code model@champion} with
 * a batching policy, waiting until the endpoint is READY.
 */
final class ServedModels implements AutoCloseable {

    static final String ALIAS = "champion";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final long CALL_DEADLINE_SECONDS = 60;

    private final ManagedChannel registryChannel;
    private final ManagedChannel servingChannel;

    ServedModels(String registryAddress, String servingAddress) {
        this.registryChannel = Grpc.newChannelBuilder(registryAddress, StackTransport.grpc())
                .intercept(StackTokens.asService()).build();
        this.servingChannel = Grpc.newChannelBuilder(servingAddress, StackTransport.grpc())
                .intercept(StackTokens.asUser()).build();
    }

    /** Registers a new version of the model and points {@value #ALIAS} at it; returns the version. */
    long register(TrainedModel trained) {
        String name = trained.kind().id();
        try {
            registry().createRegisteredModel(CreateRegisteredModelRequest.newBuilder().setName(name)
                    .setDescription("trained by bench/ for the serving benchmark").build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
        ModelVersion version = registry().createModelVersion(CreateModelVersionRequest.newBuilder()
                .setModelName(name)
                .setFamily(trained.kind().spec().family().name())
                .setDescription("bench: " + trained.kind().spec())
                .addAllArtifacts(trained.artifacts())
                .build());
        registry().setAlias(SetAliasRequest.newBuilder().setModelName(name).setAlias(ALIAS)
                .setVersion(version.getVersion()).build());
        return version.getVersion();
    }

    /**
     * Deploys {@code model@champion} on the endpoint of {@code batching} and waits until it is READY.
     *
     * @throws IllegalStateException when the deployment FAILED or was not READY in time
     */
    Deployment deploy(ModelKind model, BatchingMode batching) throws InterruptedException {
        String endpoint = model.endpoint(batching);
        Deployment deployment = serving().deploy(DeployRequest.newBuilder().setEndpoint(endpoint)
                .setModelName(model.id()).setAlias(ALIAS).setBatching(batching.toProto()).build());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (deployment.getState() != DeploymentState.READY) {
            if (deployment.getState() == DeploymentState.FAILED) {
                throw new IllegalStateException("deployment " + endpoint + " FAILED: " + deployment.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("deployment " + endpoint + " was not READY after " + READY_TIMEOUT
                        + " (state " + deployment.getState() + "): look at the serving log");
            }
            Thread.sleep(200);
            deployment = serving().getDeployment(GetDeploymentRequest.newBuilder().setEndpoint(endpoint).build());
        }
        return deployment;
    }

    private RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(registryChannel)
                .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private DeploymentServiceGrpc.DeploymentServiceBlockingStub serving() {
        return DeploymentServiceGrpc.newBlockingStub(servingChannel)
                .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        registryChannel.shutdownNow();
        servingChannel.shutdownNow();
    }
}
