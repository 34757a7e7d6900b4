package dev.aiaas.localstack;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code up}: starts the stack, prints its table, records it in {@code stack.json}, and runs
 * until SIGINT (Ctrl-C) or SIGTERM ({@code ./aiaas down}), when a shutdown hook stops
 * everything and removes {@code stack.json}. A service that dies while the stack runs is
 * reported with its log.
 */
final class UpCommand {

    private static final long WATCH_MILLIS = 2_000;

    private UpCommand() {
    }

    /** Returns only when the start failed; a running stack ends with the JVM. */
    static int run(StackOptions options, Progress progress) {
        Path file = options.stackFile();
        Optional<StackFile.Contents> recorded = StackFile.read(file);
        if (recorded.isPresent()) {
            StackFile.Contents earlier = recorded.get();
            if (StackFile.living(earlier.launcherPid(), earlier.launcherStarted()).isPresent()) {
                System.err.println("aiaas: a stack is already running from " + earlier.home() + " (launcher pid "
                        + earlier.launcherPid() + "): ./aiaas status shows it, ./aiaas down stops it");
                return 1;
            }
            StackFile.delete(file);
        }
        LocalStack stack = LocalStack.prepare(options, progress);
        AtomicBoolean failed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!failed.get()) {
                progress.step("stopping the stack");
            }
            stack.close();
            StackFile.delete(file);
            if (!failed.get()) {
                progress.step("stopped; nothing left running");
            }
        }, "aiaas-stop"));
        try {
            stack.boot();
        } catch (RuntimeException e) {
            failed.set(true);
            throw e;
        }
        StackFile.Contents contents = StackFile.describe(stack);
        StackFile.write(file, contents);
        progress.print(System.lineSeparator() + StackReport.ready(contents, stack.skipped()));
        progress.print("logs: " + options.logDir() + "   status: ./aiaas status   stop: Ctrl-C or ./aiaas down"
                + System.lineSeparator());
        watch(stack, progress);
        return 0;
    }

    /** Reports each service that exits while the stack runs, once; the rest keeps running. */
    private static void watch(LocalStack stack, Progress progress) {
        Set<ServiceName> reported = new HashSet<>();
        while (true) {
            for (ServiceProcess exited : stack.exitedServices()) {
                if (reported.add(exited.service())) {
                    progress.step(exited.service().id() + " exited with code " + exited.exitCode()
                            + "; the rest keeps running. Last lines of " + exited.log() + ":"
                            + System.lineSeparator() + LogTail.of(exited.log(), ReadinessWatch.TAIL_LINES)
                            + System.lineSeparator() + "(restart the stack: Ctrl-C, then ./aiaas up)");
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
