package dev.aiaas.cli;

import dev.aiaas.proto.access.v1.AccessServiceGrpc;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc;
import dev.aiaas.security.ClientTransport;
import dev.aiaas.security.ProjectHeader;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Plain gRPC channels to the six services, and their stubs. */
public final class Services implements AutoCloseable {

    private final ManagedChannel ingest;
    private final ManagedChannel preprocess;
    private final ManagedChannel training;
    private final ManagedChannel registry;
    private final ManagedChannel serving;
    private final ManagedChannel monitoring;

    private final ClientInterceptor[] headers;

    private Services(Addresses a, ClientTransport transport, String token, String project) {
        ChannelCredentials credentials = transport.channelCredentials();
        ingest = channel(a.host(), a.ingest(), credentials);
        preprocess = channel(a.host(), a.preprocess(), credentials);
        training = channel(a.host(), a.training(), credentials);
        registry = channel(a.host(), a.registry(), credentials);
        serving = channel(a.host(), a.serving(), credentials);
        monitoring = channel(a.host(), a.monitoring(), credentials);
        headers = project == null || project.isBlank()
                ? new ClientInterceptor[] {BearerToken.interceptor(token)}
                : new ClientInterceptor[] {BearerToken.interceptor(token), ProjectHeader.naming(project.strip())};
    }

    /**
     * Channels to the six services over {@code transport} (TLS verifying their certificate, or
     * plain text); every call presents {@code token} (see {@link BearerToken}).
     */
    public static Services connect(Addresses addresses, ClientTransport transport, String token) {
        return new Services(addresses, transport, token, null);
    }

    /** As {@link #connect(Addresses, ClientTransport, String)}, every call naming {@code project} (none when blank). */
    public static Services connect(Addresses addresses, ClientTransport transport, String token, String project) {
        return new Services(addresses, transport, token, project);
    }

    public IngestServiceGrpc.IngestServiceBlockingStub ingest() {
        return IngestServiceGrpc.newBlockingStub(ingest).withInterceptors(headers);
    }

    public IngestServiceGrpc.IngestServiceStub ingestAsync() {
        return IngestServiceGrpc.newStub(ingest).withInterceptors(headers);
    }

    public PreprocessServiceGrpc.PreprocessServiceBlockingStub preprocess() {
        return PreprocessServiceGrpc.newBlockingStub(preprocess).withInterceptors(headers);
    }

    public TrainingServiceGrpc.TrainingServiceBlockingStub training() {
        return TrainingServiceGrpc.newBlockingStub(training).withInterceptors(headers);
    }

    public RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(registry).withInterceptors(headers);
    }

    /** The registry's streaming calls (a model file's upload). */
    public RegistryServiceGrpc.RegistryServiceStub registryAsync() {
        return RegistryServiceGrpc.newStub(registry).withInterceptors(headers);
    }

    public DeploymentServiceGrpc.DeploymentServiceBlockingStub deployments() {
        return DeploymentServiceGrpc.newBlockingStub(serving).withInterceptors(headers);
    }

    public GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub inference() {
        return GRPCInferenceServiceGrpc.newBlockingStub(serving).withInterceptors(headers);
    }

    /** The registry's grants of roles in the project. */
    public AccessServiceGrpc.AccessServiceBlockingStub access() {
        return AccessServiceGrpc.newBlockingStub(registry).withInterceptors(headers);
    }

    public MonitoringServiceGrpc.MonitoringServiceBlockingStub monitoring() {
        return MonitoringServiceGrpc.newBlockingStub(monitoring).withInterceptors(headers);
    }

    private static ManagedChannel channel(String host, int port, ChannelCredentials credentials) {
        return Grpc.newChannelBuilderForAddress(host, port, credentials).build();
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel channel : List.of(ingest, preprocess, training, registry, serving, monitoring)) {
            channel.shutdown();
        }
        for (ManagedChannel channel : List.of(ingest, preprocess, training, registry, serving, monitoring)) {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
