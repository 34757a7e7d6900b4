package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.RunningService;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.security.PemKeys;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/** The stack as {@code ./aiaas up} starts it: every service up, answering both health checks. */
class StackHealthIT {

    @Test
    void everyServiceModuleOfTheCheckoutIsStartedNoneLeftOut() {
        LocalStack stack = RunningStack.get();

        assertThat(stack.skipped()).isEmpty();
        assertThat(stack.services()).extracting(RunningService::name)
                .containsExactlyInAnyOrderElementsOf(ServicesUnderTest.find(ServicesUnderTest.repositoryRoot()));
    }

    @Test
    void everyServiceAnswersGrpcHealthServing() {
        LocalStack stack = RunningStack.get();
        for (RunningService service : stack.services()) {
            assertThat(health(service, stack.transport().channelCredentials()))
                    .as("gRPC health of %s", service.name().id()).isEqualTo(ServingStatus.SERVING);
        }
    }

    /**
     * TLS between the services too: a port that takes no plain text leaves them no other way to
     * reach each other (training registers its models with the registry, serving resolves
     * aliases there, preprocess reads from ingest; LifecycleIT runs all of it).
     */
    @Test
    void everyServiceServesOnlyTlsWithACertificateFromTheStackCa() throws Exception {
        LocalStack stack = RunningStack.get();
        assertThat(stack.transport().tls()).as("the local stack runs TLS unless told otherwise").isTrue();
        X509Certificate ca = PemKeys.readCertificate(stack.transport().trustedCa().orElseThrow());
        for (RunningService service : stack.services()) {
            assertThatThrownBy(() -> health(service, InsecureChannelCredentials.create()))
                    .as("plain text to %s", service.name().id())
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            try (SSLSocket socket = (SSLSocket) stack.transport().sslContext().getSocketFactory()
                    .createSocket(service.host(), service.port())) {
                socket.startHandshake();
                X509Certificate presented = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                presented.verify(ca.getPublicKey());
                assertThat(presented.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            }
        }
    }

    private static ServingStatus health(RunningService service, ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilder(service.address(), credentials).build();
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void everyServiceAnswersHttpHealthUpWithoutATokenOnItsManagementPortAndNotOnTheApiPort() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(RunningStack.get().transport().sslContext()).build();
        for (RunningService service : RunningStack.get().services()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(service.managementBase() + "/q/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> onTheApi = http.send(
                    HttpRequest.newBuilder(URI.create(service.httpBase() + "/q/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(service.managementPort()).isNotEqualTo(service.port());
            assertThat(response.statusCode()).as("/q/health of %s", service.name().id()).isEqualTo(200);
            assertThat(response.body()).as("/q/health of %s", service.name().id()).contains("\"UP\"");
            assertThat(onTheApi.statusCode()).as("/q/health on the API port of %s", service.name().id())
                    .isIn(401, 404);
        }
    }

    @Test
    void everyServiceModuleIsBuiltByTheReactorBeforeTheseTests() {
        Path root = ServicesUnderTest.repositoryRoot();
        for (ServiceName service : ServicesUnderTest.find(root)) {
            assertThat(ServicesUnderTest.mentions(root.resolve("pom.xml"), "module", service.module()))
                    .as("root pom.xml lists <module>%s</module>", service.module()).isTrue();
            assertThat(ServicesUnderTest.mentions(root.resolve("e2e").resolve("pom.xml"), "artifactId",
                    service.module()))
                    .as("e2e/pom.xml depends on %s (type pom, scope test), so the reactor builds its jar first",
                            service.module())
                    .isTrue();
        }
    }

    @Test
    void everyServiceExportsJvmGrpcKafkaAndConnectionPoolMetrics() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(RunningStack.get().transport().sslContext()).build();
        for (RunningService service : RunningStack.get().services()) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(service.managementBase() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            List<String> families = new ArrayList<>(List.of("jvm_memory_used_bytes", "grpc_server_",
                    "kafka_"));
            if (service.name() != ServiceName.PREPROCESS) { // the one service without a database
                families.add("agroal_");
            }
            for (String family : families) {
                assertThat(metrics).as("/q/metrics of %s has %s*", service.name().id(), family).contains(family);
            }
        }
    }
}
