package dev.aiaas.training;

import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.CreateModelVersionRequest;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.errors.Projects;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry peer of training's tests: a real gRPC server (grpc-java over Netty, on a free
 * port) implementing just the part of RegistryService that training calls. It keeps every
 * CreateModelVersion request as the version it answers (1, 2, … per model) and answers
 * GetModelVersion with it, so a test reads back exactly what the worker registered through
 * the same API. Like the registry, it keeps models apart per project, the one each call names in
 * its {@value Projects#HEADER} header (none: the default project), so a model is read back only in
 * the project its registration named. The real registry-service is exercised by the e2e suite.
 */
public class RegistryStandIn implements QuarkusTestResourceLifecycleManager {

    private Server server;

    @Override
    public Map<String, String> start() {
        try {
            server = ServerBuilder.forPort(0)
                    .addService(ServerInterceptors.intercept(new InMemoryRegistry(), new ProjectHeader()))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the registry stand-in", e);
        }
        // In test mode a Quarkus gRPC client dials its test-port, which defaults to this app's own server.
        return Map.of("quarkus.grpc.clients.registry.host", "localhost",
                "quarkus.grpc.clients.registry.test-port", String.valueOf(server.getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** The project a call names, as the registry's CallerAccess reads it with security off. */
    static final class ProjectHeader implements ServerInterceptor {

        // io.grpc's Context, named in full: QuarkusTestResourceLifecycleManager has a Context of its own
        static final io.grpc.Context.Key<String> PROJECT = io.grpc.Context.key("stand-in-project");
        private static final Metadata.Key<String> HEADER = Metadata.Key.of(Projects.HEADER,
                Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                ServerCallHandler<Q, A> next) {
            String project = Projects.orDefault(headers.get(HEADER));
            return Contexts.interceptCall(io.grpc.Context.current().withValue(PROJECT, project), call, headers, next);
        }

        /** The model's key in the maps: its name within the current call's project. */
        static String key(String model) {
            return PROJECT.get() + "/" + model;
        }
    }

    /** Versions and aliases in memory, per project; each request recorded as the version it created. */
    static final class InMemoryRegistry extends RegistryServiceGrpc.RegistryServiceImplBase {

        private final Map<String, List<ModelVersion>> versions = new HashMap<>();
        private final Map<String, Long> aliases = new HashMap<>();

        @Override
        public synchronized void createModelVersion(CreateModelVersionRequest request,
                StreamObserver<ModelVersion> response) {
            List<ModelVersion> model = versions.computeIfAbsent(ProjectHeader.key(request.getModelName()),
                    name -> new ArrayList<>());
            String job = request.getLineage().getTrainingJobId();
            for (ModelVersion earlier : model) {
                if (!job.isEmpty() && earlier.getLineage().getTrainingJobId().equals(job)) {
                    response.onNext(earlier); // as the registry: one version per training job
                    response.onCompleted();
                    return;
                }
            }
            ModelVersion version = ModelVersion.newBuilder()
                    .setModelName(request.getModelName()).setVersion(model.size() + 1L)
                    .setFamily(request.getFamily()).setDescription(request.getDescription())
                    .putAllTags(request.getTagsMap()).setSignature(request.getSignature())
                    .putAllMetrics(request.getMetricsMap()).setLineage(request.getLineage())
                    .addAllArtifacts(request.getArtifactsList())
                    .build();
            model.add(version);
            response.onNext(version);
            response.onCompleted();
        }

        @Override
        public synchronized void setAlias(SetAliasRequest request, StreamObserver<Alias> response) {
            List<ModelVersion> model = versions.getOrDefault(ProjectHeader.key(request.getModelName()), List.of());
            if (request.getVersion() < 1 || request.getVersion() > model.size()) {
                response.onError(Status.NOT_FOUND.withDescription("no version " + request.getVersion())
                        .asRuntimeException());
                return;
            }
            Long previous = aliases.put(ProjectHeader.key(request.getModelName()) + "@" + request.getAlias(),
                    request.getVersion());
            response.onNext(Alias.newBuilder().setModelName(request.getModelName()).setAlias(request.getAlias())
                    .setVersion(request.getVersion()).setPreviousVersion(previous == null ? 0 : previous).build());
            response.onCompleted();
        }

        @Override
        public synchronized void getModelVersion(GetModelVersionRequest request, StreamObserver<ModelVersion> response) {
            String key = ProjectHeader.key(request.getModelName());
            List<ModelVersion> model = versions.getOrDefault(key, List.of());
            long number = request.hasAlias() ? aliases.getOrDefault(key + "@" + request.getAlias(), 0L)
                    : request.getVersion();
            if (number < 1 || number > model.size()) {
                response.onError(Status.NOT_FOUND.withDescription("no such version of " + request.getModelName())
                        .asRuntimeException());
                return;
            }
            ModelVersion version = model.get((int) number - 1);
            response.onNext(version.toBuilder().addAllAliases(aliases.entrySet().stream()
                    .filter(a -> a.getKey().startsWith(key + "@") && a.getValue() == number)
                    .map(a -> a.getKey().substring(key.length() + 1)).toList()).build());
            response.onCompleted();
        }
    }
}
