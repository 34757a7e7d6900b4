package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;
import java.util.concurrent.TimeUnit;

import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/**
 * Asks a service for its overall health over gRPC ({@code grpc.health.v1.Health/Check} with an
 * empty service name), the same check Kubernetes' gRPC probes make.
 */
final class HealthProbe implements AutoCloseable {

    private static final long DEADLINE_MILLIS = 2_000;

    private final ManagedChannel channel;

    HealthProbe(String host, int port, ClientTransport transport) {
        this.channel = Grpc.newChannelBuilderForAddress(host, port, transport.channelCredentials()).build();
    }

    /**
     * The service's answer, or {@code UNKNOWN} when it does not answer (not listening yet, or
     * no health service).
     */
    ServingStatus check() {
        // After a refused connection the channel backs off for up to two minutes; a service that
        // has just opened its port must be seen at once.
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus();
        } catch (StatusRuntimeException e) {
            return ServingStatus.UNKNOWN;
        }
    }

    /** One check on a fresh channel, for {@code ./aiaas status}. */
    static ServingStatus checkOnce(String host, int port, ClientTransport transport) {
        try (HealthProbe probe = new HealthProbe(host, port, transport)) {
            return probe.check();
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
