package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InstancesTest {

    @Test
    void twoInstancesRunTwoBatchesAtTheSameTimeOnTheirOwnNamedThreads() throws Exception {
        // Each batch waits for the other inside the handler: only parallel instances get past it.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        BatchHandler<Integer, Integer> handler = (payloads, rows) -> {
            threads.add(Thread.currentThread().getName());
            bothRunning.await(5, TimeUnit.SECONDS);
            return payloads.stream().map(p -> p * 2).toList();
        };
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("pair", policy(1, 0, 8, 2), handler)) {
            var a = queue.submit(1, 1, NO_DEADLINE);
            var b = queue.submit(2, 1, NO_DEADLINE);

            assertThat(List.of(resultOf(a), resultOf(b))).containsExactly(2, 4);
            assertThat(threads).containsExactlyInAnyOrder("batch-pair-0", "batch-pair-1");
            assertThat(queue.statistics().executionCount()).isEqualTo(2);
        }
    }

    @Test
    void workerThreadsAreDaemonsSoAForgottenQueueNeverHoldsTheJvm() throws Exception {
        Set<Boolean> daemon = ConcurrentHashMap.newKeySet();
        BatchHandler<Integer, Integer> handler = (payloads, rows) -> {
            daemon.add(Thread.currentThread().isDaemon());
            return payloads;
        };
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("quiet", policy(1, 0, 8, 1), handler)) {
            assertThat(resultOf(queue.submit(3, 1, NO_DEADLINE))).isEqualTo(3);
            assertThat(daemon).containsExactly(true);
        }
    }
}
