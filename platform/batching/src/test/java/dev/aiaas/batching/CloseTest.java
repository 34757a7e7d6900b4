package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.failureOf;
import static dev.aiaas.batching.Submissions.occupyWorker;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CloseTest {

    @Test
    void closeFailsQueuedRequestsAndWaitsForTheRunningBatch() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        BatchQueue<Integer, Integer> queue = new BatchQueue<>("retiring", policy(4, 0, 16, 1), handler);
        CompletableFuture<Integer> running = occupyWorker(queue, handler);
        CompletableFuture<Integer> queuedA = queue.submit(1, 1, NO_DEADLINE);
        CompletableFuture<Integer> queuedB = queue.submit(2, 1, NO_DEADLINE);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(queue::close);

        assertThat(failureOf(queuedA))
                .isInstanceOf(QueueClosedException.class)
                .hasMessageContaining("endpoint 'retiring' is closed");
        assertThat(failureOf(queuedB)).isInstanceOf(QueueClosedException.class);
        assertThat(closing).isNotDone();
        assertThat(running).isNotDone();

        handler.release();
        closing.get(5, TimeUnit.SECONDS);
        assertThat(resultOf(running)).isZero();
        assertThat(handler.batches()).containsExactly(List.of(0));
        assertThat(queue.statistics().failureCount()).isEqualTo(2);
        assertThat(workerThreadsNamed("batch-retiring-")).isZero();
    }

    @Test
    void closeIsIdempotentAndAClosedQueueRefusesRequests() {
        BatchQueue<Integer, Integer> queue =
                new BatchQueue<>("gone", BatchPolicy.defaults(), RecordingHandler.doubling());
        queue.close();

        long start = System.nanoTime();
        queue.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(50);
        assertThatThrownBy(() -> queue.submit(1, 1, NO_DEADLINE))
                .isInstanceOf(QueueClosedException.class)
                .hasMessageContaining("endpoint 'gone' is closed")
                .hasMessageContaining("send it again once the endpoint is deployed");
        assertThat(queue.statistics().failureCount()).isZero();
    }

    @Test
    void aJobCarriedOverToTheNextBatchFailsWhenTheQueueClosesFirst() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        // The long delay keeps the first batch gathering until the second job arrives and overflows it.
        BatchQueue<Integer, Integer> queue = new BatchQueue<>("carrying", policy(4, 500, 16, 1), handler);
        CompletableFuture<Integer> first = queue.submit(1, 3, NO_DEADLINE);
        CompletableFuture<Integer> carried = queue.submit(2, 2, NO_DEADLINE);
        handler.awaitFirstBatch();
        assertThat(queue.queued()).isZero();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(queue::close);
        while (!queue.isClosed()) {
            Thread.sleep(1);
        }
        handler.release();
        closing.get(5, TimeUnit.SECONDS);

        assertThat(resultOf(first)).isEqualTo(2);
        assertThat(failureOf(carried)).isInstanceOf(QueueClosedException.class);
        assertThat(handler.batches()).containsExactly(List.of(1));
    }

    private static long workerThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .count();
    }
}
