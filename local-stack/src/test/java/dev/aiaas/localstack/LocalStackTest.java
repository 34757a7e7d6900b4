package dev.aiaas.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.security.ClientTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * The launcher against real PostgreSQL, Kafka and S3Proxy, with stand-in services (see
 * {@link FakeService}): what it starts answers, what it restarts answers again, what it stops
 * is gone.
 */
class LocalStackTest {

    /** Long enough for a fake service's JVM to start on a busy two-core machine. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

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
                assertThat(HealthProbe.checkOnce(service.host(), service.port(), stack.transport()))
                        .isEqualTo(ServingStatus.SERVING);
                assertThat(HealthProbe.checkOnce(service.host(), service.port(), ClientTransport.plaintext()))
                        .as("plain text is refused").isEqualTo(ServingStatus.UNKNOWN);
            }
            String env = Files.readString(home.resolve("run/serving/env.txt"));
            assertThat(env).contains("KAFKA_BOOTSTRAP_SERVERS=" + stack.endpoints().kafkaBootstrap())
                    .contains("QUARKUS_HTTP_PORT=" + stack.service(ServiceName.SERVING).port())
                    .contains("QUARKUS_GRPC_CLIENTS_REGISTRY_PORT=" + stack.service(ServiceName.REGISTRY).port())
                    .contains("AIAAS_STORAGE_BUCKET=aiaas")
                    .contains("QUARKUS_HTTP_SSL_CERTIFICATE_FILES=" + home.resolve("tls/server.crt"))
                    .contains("QUARKUS_GRPC_CLIENTS_REGISTRY_SSL_TRUST_STORE=" + home.resolve("tls/ca.crt"));
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

    @Test
    void aServiceKilledWithSigkillComesBackOnItsPortAndTheStackFileCountsTheRestart() throws Exception {
        Set<Long> before = descendantPids();
        LocalStack stack = LocalStack.start(options(), consoleProgress());
        Path file = stack.options().stackFile();
        RunningService restarted;
        try {
            UpCommand.recordAndSupervise(stack, file, RestartBackoff.STANDARD);
            RunningService killed = stack.service(ServiceName.SERVING);

            ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();

            StackFile.Service recorded = eventually(() -> recordedService(file, "serving"), s -> s.restarts() == 1);
            restarted = stack.service(ServiceName.SERVING);
            assertThat(restarted.pid()).isNotEqualTo(killed.pid());
            assertThat(restarted.restarts()).isEqualTo(1);
            assertThat(recorded.pid()).isEqualTo(restarted.pid());
            assertThat(recorded.port()).isEqualTo(killed.port());
            assertThat(eventually(() -> HealthProbe.checkOnce(killed.host(), killed.port(), stack.transport()),
                    status -> status == ServingStatus.SERVING)).isEqualTo(ServingStatus.SERVING);
            assertThat(console.toString(UTF_8))
                    .contains("serving exited with code 137 after ")
                    .contains("; restart 1 in 1 s (log " + killed.log() + ")")
                    .contains("serving restarted (pid " + restarted.pid() + ")")
                    .doesNotContain("registry exited");
            assertThat(recordedService(file, "registry").restarts()).isZero();
        } finally {
            stack.close();
        }

        assertThat(ProcessHandle.of(restarted.pid())).isEmpty();
        assertThat(descendantPids()).isEqualTo(before);
    }

    @Test
    void stoppingASupervisedStackRestartsNothing() throws Exception {
        Set<Long> before = descendantPids();
        List<RunningService> restarts = new CopyOnWriteArrayList<>();
        LocalStack stack = LocalStack.start(options(), consoleProgress());
        Duration quickRestart = Duration.ofMillis(50);
        stack.supervise(RestartBackoff.of(quickRestart, quickRestart, Duration.ofSeconds(60)), restarts::add);

        stack.close();
        // A restart would follow an exit within 50 ms; give one ample time to show.
        TimeUnit.SECONDS.sleep(2);

        assertThat(restarts).isEmpty();
        assertThat(console.toString(UTF_8)).contains("stopped 2 services").doesNotContain("exited")
                .doesNotContain("restart");
        assertThat(descendantPids()).isEqualTo(before);
    }

    private Progress consoleProgress() {
        return new Progress(new PrintStream(console, true, UTF_8));
    }

    private static StackFile.Service recordedService(Path file, String name) {
        return StackFile.read(file).orElseThrow().services().stream()
                .filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    /** The first value of {@code value} that {@code done} accepts, polled until {@link #RESTART_WAIT}. */
    private <T> T eventually(Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as("still %s after %s; console:%n%s", last, RESTART_WAIT,
                    console.toString(UTF_8)).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
            last = value.get();
        }
        return last;
    }

    private static Set<Long> descendantPids() {
        return Set.copyOf(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }
}
