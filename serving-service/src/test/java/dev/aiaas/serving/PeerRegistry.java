package dev.aiaas.serving;

import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry peer for serving's own tests: a real gRPC server on a free port that
 * answers GetModelVersion from versions and aliases the test sets. The real registry
 * service is exercised across services by the e2e suite.
 */
public class PeerRegistry extends RegistryServiceGrpc.RegistryServiceImplBase implements QuarkusTestResourceLifecycleManager {

    static final Map<String, ModelVersion> VERSIONS = new ConcurrentHashMap<>();
    static final Map<String, Long> ALIASES = new ConcurrentHashMap<>();
    private static Server server;

    static void addVersion(String model, long version, List<ArtifactRef> artifacts) {
        VERSIONS.put(model + "/" + version, ModelVersion.newBuilder().setModelName(model).setVersion(version)
                .setFamily("MLP").addAllArtifacts(artifacts).build());
    }

    static void setAlias(String model, String alias, long version) {
        ALIASES.put(model + "@" + alias, version);
    }

    static void deleteAlias(String model, String alias) {
        ALIASES.remove(model + "@" + alias);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0).addService(this).build().start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the registry peer", e);
        }
        String port = Integer.toString(server.getPort());
        // test-port too: in test mode a client without one would call the application under test
        return Map.of("quarkus.grpc.clients.registry.host", "localhost",
                "quarkus.grpc.clients.registry.port", port,
                "quarkus.grpc.clients.registry.test-port", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Override
    public void getModelVersion(GetModelVersionRequest request, StreamObserver<ModelVersion> response) {
        Long version = request.hasAlias()
                ? ALIASES.get(request.getModelName() + "@" + request.getAlias()) : Long.valueOf(request.getVersion());
        ModelVersion found = version == null ? null : VERSIONS.get(request.getModelName() + "/" + version);
        if (found == null) {
            response.onError(Status.NOT_FOUND.withDescription("no such version or alias").asRuntimeException());
            return;
        }
        response.onNext(found);
        response.onCompleted();
    }
}
