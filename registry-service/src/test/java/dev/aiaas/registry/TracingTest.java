package dev.aiaas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.registry.v1.CreateRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.testing.OtlpCollector;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With a collector configured, every RPC is exported as a span of the service. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OtlpCollector.class, restrictToAnnotatedClass = true)
class TracingTest {

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Test
    void rpcSpansReachTheCollector() throws InterruptedException {
        registry.createRegisteredModel(CreateRegisteredModelRequest.newBuilder()
                .setName("traced-" + UUID.randomUUID().toString().substring(0, 8)).build());

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!OtlpCollector.received("CreateRegisteredModel") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(OtlpCollector.received("CreateRegisteredModel")).isTrue();
        assertThat(OtlpCollector.received("registry-service")).isTrue();
    }
}
