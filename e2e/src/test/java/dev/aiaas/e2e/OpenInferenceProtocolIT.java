package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.aiaas.cli.BearerToken;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import inference.GRPCInferenceServiceGrpc;
import inference.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import inference.GrpcPredictV2.ServerLiveRequest;
import inference.GrpcPredictV2.ServerMetadataRequest;
import inference.GrpcPredictV2.ServerMetadataResponse;
import inference.GrpcPredictV2.ServerReadyRequest;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;

/**
 * The serving service speaks the Open Inference Protocol as a standard KServe client expects it:
 * the client here is generated from an independent copy of the published
 * {@code grpc_predict_v2.proto} (Java package {@code inference}, as any third party gets it),
 * presenting a viewer's bearer token as any client must.
 */
class OpenInferenceProtocolIT {

    private static ManagedChannel channel;
    private static GRPCInferenceServiceBlockingStub inference;

    @BeforeAll
    static void connect() {
        LocalStack stack = RunningStack.get();
        String address = stack.service(ServiceName.SERVING).address();
        String token = stack.keys().mint("kserve-client", Projects.DEFAULT, Role.VIEWER, Duration.ofMinutes(30));
        channel = Grpc.newChannelBuilder(address, stack.transport().channelCredentials())
                .intercept(BearerToken.interceptor(token)).build();
        inference = GRPCInferenceServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    static void disconnect() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    private GRPCInferenceServiceBlockingStub call() {
        return inference.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void serverIsLive() {
        assertThat(call().serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
    }

    @Test
    void serverIsReady() {
        assertThat(call().serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
    }

    @Test
    void serverMetadataNamesTheServer() {
        ServerMetadataResponse metadata = call().serverMetadata(ServerMetadataRequest.getDefaultInstance());

        assertThat(metadata.getName()).isNotBlank();
    }
}
