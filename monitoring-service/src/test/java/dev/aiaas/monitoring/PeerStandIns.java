package dev.aiaas.monitoring;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.Lineage;
import dev.aiaas.proto.registry.v1.ListModelVersionsRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsResponse;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsRequest;
import dev.aiaas.proto.registry.v1.ListRegisteredModelsResponse;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegisteredModel;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.serving.v1.BoundVersion;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsResponse;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The registry and serving as the dashboard's overview asks them, on a real port that the
 * {@code registry} and {@code serving} gRPC clients are pointed at: project {@value #AWAY} finds
 * both away (UNAVAILABLE); any other project has model {@value #MODEL} (v1 champion, v2
 * challenger, v3 newest; test accuracy 0.93, 0.95, 0.91) and endpoint {@value #ENDPOINT} serving v1, a challenger v2 at 20 % and a
 * shadow v3 at 50 %. The model's description names the project the call carried.
 */
public class PeerStandIns implements QuarkusTestResourceLifecycleManager {

    static final String AWAY = "peers-away";
    static final String MODEL = "iris";
    static final String ENDPOINT = "dashboard-iris";

    private static final Metadata.Key<String> PROJECT_HEADER = Metadata.Key.of("aiaas-project",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final io.grpc.Context.Key<String> PROJECT = io.grpc.Context.key("project");

    private Server server;

    @Override
    public Map<String, String> start() {
        ServerInterceptor project = new ServerInterceptor() {
            @Override
            public <Q, A> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, A> call, Metadata headers,
                    io.grpc.ServerCallHandler<Q, A> next) {
                return Contexts.interceptCall(io.grpc.Context.current().withValue(PROJECT, headers.get(PROJECT_HEADER)), call,
                        headers, next);
            }
        };
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(ServerInterceptors.intercept(new Registry(), project))
                    .addService(ServerInterceptors.intercept(new Serving(), project)).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = String.valueOf(server.getPort());
        // test-port too: in tests a client's port is its test-port, the tested server's own by default
        return Map.of("quarkus.grpc.clients.registry.host", "localhost", "quarkus.grpc.clients.registry.port", port,
                "quarkus.grpc.clients.registry.test-port", port, "quarkus.grpc.clients.serving.host", "localhost",
                "quarkus.grpc.clients.serving.port", port, "quarkus.grpc.clients.serving.test-port", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean away(StreamObserver<?> response, String peer) {
        if (AWAY.equals(PROJECT.get())) {
            response.onError(Status.UNAVAILABLE.withDescription("the stand-in " + peer + " is away").asRuntimeException());
            return true;
        }
        return false;
    }

    private static final class Registry extends RegistryServiceGrpc.RegistryServiceImplBase {

        @Override
        public void listRegisteredModels(ListRegisteredModelsRequest request,
                StreamObserver<ListRegisteredModelsResponse> response) {
            if (away(response, "registry")) {
                return;
            }
            response.onNext(ListRegisteredModelsResponse.newBuilder().addModels(RegisteredModel.newBuilder()
                    .setName(MODEL).setDescription("iris of project " + PROJECT.get()).setLatestVersion(3)
                    .putAliases("champion", 1).putAliases("challenger", 2)).build());
            response.onCompleted();
        }

        @Override
        public void listModelVersions(ListModelVersionsRequest request, StreamObserver<ListModelVersionsResponse> response) {
            if (away(response, "registry")) {
                return;
            }
            response.onNext(ListModelVersionsResponse.newBuilder()
                    .addVersions(version(3, 0.91)).addVersions(version(2, 0.95).addAliases("challenger"))
                    .addVersions(version(1, 0.93).addAliases("champion")).build());
            response.onCompleted();
        }

        @Override
        public void getModelVersion(GetModelVersionRequest request, StreamObserver<ModelVersion> response) {
            if (away(response, "registry")) {
                return;
            }
            if (!request.getModelName().equals(MODEL) || request.getVersion() < 1 || request.getVersion() > 3) {
                response.onError(Status.NOT_FOUND.withDescription("no " + request.getModelName() + " v"
                        + request.getVersion()).asRuntimeException());
                return;
            }
            double accuracy = new double[] {0.93, 0.95, 0.91}[(int) request.getVersion() - 1];
            // as training registers it: the test accuracy under "accuracy"
            response.onNext(version(request.getVersion(), accuracy).putMetrics("accuracy", accuracy).build());
            response.onCompleted();
        }

        private static ModelVersion.Builder version(long version, double accuracy) {
            Instant created = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(3600 * version);
            return ModelVersion.newBuilder().setModelName(MODEL).setVersion(version).setFamily("MLP")
                    .putMetrics("test_accuracy", accuracy).putMetrics("test_macro_f1", accuracy - 0.01)
                    .setCreatedAt(Timestamp.newBuilder().setSeconds(created.getEpochSecond()))
                    .setLineage(Lineage.newBuilder().setDataset("iris").setDatasetVersion(version)
                            .setPipeline("iris-standard").setTrainingJobId("job-" + version).setCodeVersion("0.1.0"));
        }
    }

    private static final class Serving extends DeploymentServiceGrpc.DeploymentServiceImplBase {

        @Override
        public void listDeployments(ListDeploymentsRequest request, StreamObserver<ListDeploymentsResponse> response) {
            if (away(response, "serving")) {
                return;
            }
            response.onNext(ListDeploymentsResponse.newBuilder().addDeployments(Deployment.newBuilder()
                    .setEndpoint(ENDPOINT).setModelName(MODEL).setAlias("champion").setServingVersion(1)
                    .setState(DeploymentState.READY)
                    .setChallenger(BoundVersion.newBuilder().setAlias("challenger").setServingVersion(2)
                            .setState(DeploymentState.READY))
                    .setChallengerWeight(20)
                    .setShadow(BoundVersion.newBuilder().setVersion(3).setServingVersion(3)
                            .setState(DeploymentState.READY))
                    .setShadowShare(50)).build());
            response.onCompleted();
        }
    }
}
