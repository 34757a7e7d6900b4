package dev.aiaas.localstack;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code up}: starts the stack, prints its table, records it in {@code stack.json}, and runs
 * until SIGINT (Ctrl-C) or SIGTERM ({@code ./aiaas down}), when a shutdown hook stops
 * everything and removes {@code stack.json}. A service that exits while the stack runs is
 * restarted with {@link RestartBackoff#STANDARD} back-off, and {@code stack.json} gets its new
 * pid and restart count.
 */
final class UpCommand {

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
        StackFile.Contents contents = recordAndSupervise(stack, file, RestartBackoff.STANDARD);
        progress.print(System.lineSeparator() + StackReport.ready(contents, stack.skipped()));
        progress.print("logs: " + options.logDir() + "   status: ./aiaas status   stop: Ctrl-C or ./aiaas down"
                + System.lineSeparator());
        awaitShutdown();
        return 0;
    }

    /**
     * Writes {@code stack.json} for a ready stack and from then on restarts services that exit,
     * rewriting the file after each restart so that {@code status} shows the count and {@code down}
     * finds the new pid.
     *
     * @return what was written first
     */
    static StackFile.Contents recordAndSupervise(LocalStack stack, Path file, RestartBackoff backoff) {
        StackFile.Contents contents = StackFile.describe(stack);
        StackFile.write(file, contents);
        stack.supervise(backoff, restarted -> StackFile.write(file, StackFile.describe(stack)));
        return contents;
    }

    /** The stack runs until the JVM is told to exit; the shutdown hook then stops it. */
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
