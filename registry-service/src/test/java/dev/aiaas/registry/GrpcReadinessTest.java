package dev.aiaas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aiaas.security.quarkus.GrpcReadiness;
import dev.aiaas.testing.RealServersResource;
import grpc.health.v1.HealthGrpc.HealthBlockingStub;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Readiness is also answered over the gRPC health protocol, as the kubelet's gRPC probes ask
 * it: the service {@value GrpcReadiness#SERVICE} is SERVING when /q/health/ready is UP.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class GrpcReadinessTest {

    @GrpcClient("registry")
    HealthBlockingStub health;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theReadinessServiceIsServingWhenTheReadinessChecksAreUp() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(management + "health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> health.check(HealthCheckRequest.newBuilder()
                .setService(GrpcReadiness.SERVICE).build()).getStatus() == ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
    }
}
