package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * The launcher against real PostgreSQL, Kafka and S3Proxy, with stand-in services (see
 * {@link FakeService}): what it starts answers, what it stops is gone.
 */
class LocalStackTest {

    @TempDir
    Path root;

    private StackOptions options() throws Exception {
        FakeServiceJar.write(root, ServiceName.REGISTRY);
        FakeServiceJar.write(root, ServiceName.SERVING);
        return StackOptions.defaults(root)
                .withHome(Files.createTempDirectory("aiaas-local-stack-test-"), true)
                .withFreePorts()
                .withServices(EnumSet.of(ServiceName.REGISTRY, ServiceName.SERVING));
    }

    @Test
    void startsEveryServiceWithItsEnvironmentAndLeavesNothingBehindOnClose() throws Exception {
        Set<Long> before = descendantPids();
        LocalStack stack = LocalStack.start(options(), Progress.silent());
        Path home = stack.options().home();
        List<RunningService> services;
        try {
            services = stack.services();
            assertThat(services).extracting(RunningService::name)
                    .containsExactly(ServiceName.REGISTRY, ServiceName.SERVING);
            for (RunningService service : services) {
                assertThat(HealthProbe.checkOnce(service.host(), service.port())).isEqualTo(ServingStatus.SERVING);
            }
            String env = Files.readString(home.resolve("run/serving/env.txt"));
            assertThat(env).contains("KAFKA_BOOTSTRAP_SERVERS=" + stack.endpoints().kafkaBootstrap())
                    .contains("QUARKUS_HTTP_PORT=" + stack.service(ServiceName.SERVING).port())
                    .contains("QUARKUS_GRPC_CLIENTS_REGISTRY_PORT=" + stack.service(ServiceName.REGISTRY).port())
                    .contains("AIAAS_STORAGE_BUCKET=aiaas");
            assertThat(stack.timeToReady()).isPositive();
        } finally {
            stack.close();
        }

        assertThat(services).allSatisfy(service -> assertThat(ProcessHandle.of(service.pid())).isEmpty());
        assertThat(descendantPids()).isEqualTo(before);
        assertThat(home).doesNotExist();
    }

    @Test
    void aServiceThatExitsFailsTheStartWithTheEndOfItsLogAndStopsTheRest() throws Exception {
        Set<Long> before = descendantPids();
        StackOptions options = options().withExtraJvmOptions(List.of("-Dfake.crash=serving-service"));

        assertThatThrownBy(() -> LocalStack.start(options, Progress.silent()))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("serving exited with code 3 before it was ready")
                .hasMessageContaining("boom: cannot connect to the database")
                .hasMessageContaining("serving.log");

        assertThat(descendantPids()).isEqualTo(before);
        assertThat(options.home()).doesNotExist();
    }

    private static Set<Long> descendantPids() {
        return Set.copyOf(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }
}
