package dev.aiaas.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code down}: sends SIGTERM to the launcher recorded in {@code stack.json}, which stops its
 * services and servers itself, and waits (at most {@value #WAIT_SECONDS} s) until it and every
 * process it started are gone. Service processes whose launcher was killed outright are
 * stopped directly.
 */
final class DownCommand {

    static final long WAIT_SECONDS = 60;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private DownCommand() {
    }

    static int run(StackOptions options, Progress progress) {
        Optional<StackFile.Contents> recorded = StackFile.read(options.stackFile());
        if (recorded.isEmpty()) {
            System.out.println("no stack is running (no " + options.stackFile() + ")");
            return 0;
        }
        StackFile.Contents contents = recorded.get();
        List<ProcessHandle> services = contents.services().stream()
                .flatMap(service -> StackFile.living(service.pid(), service.started()).stream())
                .toList();
        List<ProcessHandle> helpers = contents.helpers() == null ? List.of() : contents.helpers().stream()
                .flatMap(helper -> StackFile.living(helper.pid(), helper.started()).stream())
                .toList();
        Optional<ProcessHandle> launcher = StackFile.living(contents.launcherPid(), contents.launcherStarted());
        if (launcher.isEmpty()) {
            return stopOrphans(options, services, helpers, progress);
        }
        Set<ProcessHandle> all = new LinkedHashSet<>(ProcessTree.withDescendants(List.of(launcher.get())));
        all.addAll(services);
        all.addAll(helpers);
        progress.step("stopping the stack: SIGTERM to the launcher (pid " + contents.launcherPid() + "), "
                + all.size() + " processes in all");
        launcher.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_SECONDS).toNanos();
        while (!ProcessTree.awaitExit(all, PROGRESS_EVERY)) {
            List<ProcessHandle> left = ProcessTree.alive(all);
            if (System.nanoTime() > deadline) {
                System.err.println("aiaas: still running after " + WAIT_SECONDS + " s: pids " + ProcessTree.pids(left)
                        + ". Look at " + options.logDir() + ", then end them with kill -9 "
                        + ProcessTree.pids(left).replace(",", ""));
                return 1;
            }
            progress.step("waiting for " + left.size() + " process(es) to stop: " + ProcessTree.pids(left));
        }
        StackFile.delete(options.stackFile());
        progress.step("stopped; nothing left running");
        return 0;
    }

    /** Services first, then the servers they used, as the launcher would have stopped them. */
    private static int stopOrphans(StackOptions options, List<ProcessHandle> services, List<ProcessHandle> helpers,
            Progress progress) {
        if (services.isEmpty() && helpers.isEmpty()) {
            StackFile.delete(options.stackFile());
            System.out.println("no stack is running (removed the stale " + options.stackFile() + ")");
            return 0;
        }
        List<ProcessHandle> orphans = new ArrayList<>(services);
        orphans.addAll(helpers);
        progress.step("the launcher is gone but it left " + orphans.size() + " process(es) running: "
                + ProcessTree.pids(orphans) + "; stopping them");
        Duration grace = Duration.ofSeconds(LocalStack.STOP_GRACE_SECONDS);
        List<ProcessHandle> left = new ArrayList<>(ProcessTree.terminate(services, grace));
        left.addAll(ProcessTree.terminate(helpers, grace));
        if (!left.isEmpty()) {
            System.err.println("aiaas: pids " + ProcessTree.pids(left) + " survived SIGKILL");
            return 1;
        }
        StackFile.delete(options.stackFile());
        progress.step("stopped; nothing left running");
        return 0;
    }
}
