package dev.aiaas.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running as its own JVM: {@code java <jvm options> -jar quarkus-run.jar}, with
 * stdout and stderr appended to {@code <home>/logs/<service>.log} and its working directory
 * {@code <home>/run/<service>}. {@link #restart()} starts the same command again, with the same
 * port and environment, appending to the same log.
 */
final class ServiceProcess {

    /** Services read no input; a pipe nobody writes to would only be one more open handle. */
    private static final File NO_INPUT = new File("/dev/null");

    private final ServiceName service;
    private final int port;
    private final Path jar;
    private final Path log;
    private final ProcessBuilder builder;
    private final Process process;
    private final long startNanos;
    private final int restarts;

    private ServiceProcess(ServiceName service, int port, Path jar, Path log, ProcessBuilder builder, int restarts)
            throws IOException {
        this.service = service;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.builder = builder;
        this.restarts = restarts;
        this.process = builder.start();
        this.startNanos = System.nanoTime();
    }

    /**
     * Starts the JVM; returns at once, before the service is ready.
     *
     * @throws StackStartException if the process cannot be started at all
     */
    static ServiceProcess launch(ServiceName service, Path jar, int port, Map<String, String> environment,
            StackOptions options) {
        return launch(service, service.id(), jar, port, environment, options);
    }

    /**
     * Starts the JVM under {@code instance}'s name (its log {@code <instance>.log} and working
     * directory), for a second replica of a service; returns at once, before it is ready.
     */
    static ServiceProcess launch(ServiceName service, String instance, Path jar, int port,
            Map<String, String> environment, StackOptions options) {
        Path log = options.logDir().resolve(instance + ".log");
        Path workDir = options.home().resolve("run").resolve(instance);
        List<String> command = command(service, jar, options);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
            builder.environment().putAll(environment);
            return new ServiceProcess(service, port, jar, log, builder, 0);
        } catch (IOException e) {
            throw new StackStartException("cannot start " + service.id() + " (" + String.join(" ", command) + "): "
                    + e.getMessage() + "; check that " + jar + " and " + workDir + " are readable", e);
        }
    }

    /**
     * Starts the same command again, as a new process of the same service, after this one exited.
     *
     * @throws StackStartException if the process cannot be started (its jar was removed by a
     *                             rebuild in progress, say)
     */
    ServiceProcess restart() {
        int number = restarts + 1;
        try {
            Files.writeString(log, "# restart " + number + ": " + String.join(" ", builder.command())
                    + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ServiceProcess(service, port, jar, log, builder, number);
        } catch (IOException e) {
            throw new StackStartException("cannot restart " + service.id() + ": " + e.getMessage() + "; check that "
                    + jar + " is still there (a rebuild may be under way)", e);
        }
    }

    static List<String> command(ServiceName service, Path jar, StackOptions options) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.executable().toString());
        command.add("-Xmx" + options.heaps().get(service));
        command.add("-Dai.djl.offline=true");
        // A service that runs out of memory exits and is restarted by the supervisor; a half-dead
        // one would go on answering health while failing its work.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(JavaRuntime.quietNativeAccessOptions());
        command.addAll(options.extraJvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    ServiceName service() {
        return service;
    }

    Path jar() {
        return jar;
    }

    int port() {
        return port;
    }

    /** Where its health and metrics are ({@code QUARKUS_MANAGEMENT_PORT}); 0 if it was given none. */
    int managementPort() {
        String port = builder.environment().get("QUARKUS_MANAGEMENT_PORT");
        return port == null ? 0 : Integer.parseInt(port);
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code of a process that has exited; 128 + the signal's number for a killed one. */
    int exitCode() {
        return process.exitValue();
    }

    /** Runs {@code action} once the process has exited (at once if it already has). */
    void whenExited(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** Time since this process was started. */
    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** How many processes of this service were started before this one. */
    int restarts() {
        return restarts;
    }

    Path log() {
        return log;
    }

    /** {@code localhost:18084}: gRPC and HTTP on the same port. */
    String address() {
        return ServiceEnvironment.HOST + ":" + port;
    }
}
