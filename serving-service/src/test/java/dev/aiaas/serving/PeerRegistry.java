package dev.aiaas.serving;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The registry peer for serving's own tests: a real gRPC server on a free port that answers
 * GetModelVersion from versions and aliases the test sets, per project as the real registry
 * does: a call acts in the project of its {@code aiaas-project} header ("default" without one),
 * and another project's model is NOT_FOUND. It records every call it received, with its project.
 * The real registry service is exercised across services by the e2e suite.
 */
public class PeerRegistry extends RegistryServiceGrpc.RegistryServiceImplBase implements QuarkusTestResourceLifecycleManager {

    /** One GetModelVersion as the peer received it: the project it named, the model, and the alias or version. */
    record Call(String project, String model, String selector) {
    }

    static final Map<String, ModelVersion> VERSIONS = new ConcurrentHashMap<>();
    static final Map<String, Long> ALIASES = new ConcurrentHashMap<>();
    static final Queue<Call> CALLS = new ConcurrentLinkedQueue<>();
    private static final Metadata.Key<String> PROJECT_HEADER =
            Metadata.Key.of(Projects.HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final io.grpc.Context.Key<String> PROJECT = io.grpc.Context.key("peer-registry-project");
    private static Server server;

    static void addVersion(String model, long version, List<ArtifactRef> artifacts) {
        addVersion(Projects.DEFAULT, model, version, artifacts);
    }

    static void addVersion(String project, String model, long version, List<ArtifactRef> artifacts) {
        addVersion(project, model, version, "MLP", artifacts);
    }

    /** A version of {@code family} (a training ModelFamily name), which says how serving loads it. */
    static void addVersion(String project, String model, long version, String family, List<ArtifactRef> artifacts) {
        VERSIONS.put(project + "/" + model + "/" + version, ModelVersion.newBuilder().setModelName(model)
                .setVersion(version).setFamily(family).addAllArtifacts(artifacts).build());
    }

    /** A version of {@code family} with {@code signature}: an uploaded model (TORCHSCRIPT, ONNX) is served by it. */
    static void addVersion(String project, String model, long version, String family, List<ArtifactRef> artifacts,
            Signature signature) {
        VERSIONS.put(project + "/" + model + "/" + version, ModelVersion.newBuilder().setModelName(model)
                .setVersion(version).setFamily(family).addAllArtifacts(artifacts).setSignature(signature).build());
    }

    /** The artifacts {@code project}'s version was registered with. */
    static List<ArtifactRef> artifacts(String project, String model, long version) {
        return VERSIONS.get(project + "/" + model + "/" + version).getArtifactsList();
    }

    static void setAlias(String model, String alias, long version) {
        setAlias(Projects.DEFAULT, model, alias, version);
    }

    static void setAlias(String project, String model, String alias, long version) {
        ALIASES.put(project + "/" + model + "@" + alias, version);
    }

    static void deleteAlias(String model, String alias) {
        ALIASES.remove(Projects.DEFAULT + "/" + model + "@" + alias);
    }

    @Override
    public Map<String, String> start() {
        ServerInterceptor project = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                    ServerCallHandler<Q, A> next) {
                String named = headers.get(PROJECT_HEADER);
                return Contexts.interceptCall(io.grpc.Context.current().withValue(PROJECT,
                        named == null || named.isBlank() ? Projects.DEFAULT : named), call, headers, next);
            }
        };
        try {
            server = NettyServerBuilder.forPort(0).addService(ServerInterceptors.intercept(this, project)).build()
                    .start();
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
        String project = PROJECT.get();
        String model = project + "/" + request.getModelName();
        CALLS.add(new Call(project, request.getModelName(),
                request.hasAlias() ? "@" + request.getAlias() : "v" + request.getVersion()));
        Long version = request.hasAlias() ? ALIASES.get(model + "@" + request.getAlias())
                : Long.valueOf(request.getVersion());
        ModelVersion found = version == null ? null : VERSIONS.get(model + "/" + version);
        if (found == null) {
            response.onError(Status.NOT_FOUND.withDescription("no such version or alias").asRuntimeException());
            return;
        }
        response.onNext(found);
        response.onCompleted();
    }
}
