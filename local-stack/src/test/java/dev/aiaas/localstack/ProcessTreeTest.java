package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    @Test
    void terminatesAProcessAndTheChildrenItStarted() throws Exception {
        // A shell that starts a grandchild and waits for it: both must be gone afterwards.
        Process shell = new ProcessBuilder("bash", "-c", "sleep 300 & wait").start();
        ProcessHandle grandchild = awaitChild(shell.toHandle());

        List<ProcessHandle> left = ProcessTree.terminate(List.of(shell.toHandle()), Duration.ofSeconds(5));

        assertThat(left).isEmpty();
        // Process#isAlive lags until the JDK's reaper has collected the exit status: wait for it.
        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        // An orphaned grandchild may linger as a zombie until its new parent reaps it: it holds nothing.
        assertThat(ProcessTree.isRunning(grandchild)).isFalse();
    }

    @Test
    void killsWhatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        Process stubborn = new ProcessBuilder("bash", "-c", "trap '' TERM; while true; do sleep 0.1; done").start();
        TimeUnit.MILLISECONDS.sleep(300); // let the trap be installed

        long start = System.nanoTime();
        List<ProcessHandle> left = ProcessTree.terminate(List.of(stubborn.toHandle()), Duration.ofSeconds(1));

        assertThat(left).isEmpty();
        assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    private static ProcessHandle awaitChild(ProcessHandle parent) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the shell started no child");
    }
}
