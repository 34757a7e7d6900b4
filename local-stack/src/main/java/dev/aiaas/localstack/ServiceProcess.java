package dev.aiaas.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running as its own JVM: {@code java <jvm options> -jar quarkus-run.jar}, with
 * stdout and stderr appended to {@code <home>/logs/<service>.log} and its working directory
 * {@code <home>/run/<service>}.
 */
final class ServiceProcess {

    /** Services read no input; a pipe nobody writes to would only be one more open handle. */
    private static final File NO_INPUT = new File("/dev/null");

    private final ServiceName service;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceName service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the JVM; returns at once, before the service is ready.
     *
     * @throws StackStartException if the process cannot be started at all
     */
    static ServiceProcess launch(ServiceName service, Path jar, int port, Map<String, String> environment,
            StackOptions options) {
        Path log = options.logDir().resolve(service.id() + ".log");
        Path workDir = options.home().resolve("run").resolve(service.id());
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
            return new ServiceProcess(service, port, builder.start(), log);
        } catch (IOException e) {
            throw new StackStartException("cannot start " + service.id() + " (" + String.join(" ", command) + "): "
                    + e.getMessage() + "; check that " + jar + " and " + workDir + " are readable", e);
        }
    }

    static List<String> command(ServiceName service, Path jar, StackOptions options) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.executable().toString());
        command.add("-Xmx" + options.heaps().get(service));
        command.add("-Dai.djl.offline=true");
        // A service that runs out of memory is restarted by hand; a half-dead one would hide it.
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

    int port() {
        return port;
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

    /** Exit code of a process that has exited. */
    int exitCode() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** {@code localhost:18084}: gRPC and HTTP on the same port. */
    String address() {
        return ServiceEnvironment.HOST + ":" + port;
    }
}
