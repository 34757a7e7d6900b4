package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.occupyWorker;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueCapacityTest {

    @Test
    void aFullQueueRefusesAtOnceAndTheQueuedRequestsStillRun() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("scorer", policy(1, 0, 2, 1), handler)) {
            CompletableFuture<Integer> running = occupyWorker(queue, handler);
            CompletableFuture<Integer> second = queue.submit(2, 1, NO_DEADLINE);
            CompletableFuture<Integer> third = queue.submit(3, 1, NO_DEADLINE);
            assertThat(queue.queued()).isEqualTo(2);

            long start = System.nanoTime();
            QueueFullException refused = catchThrowableOfType(
                    () -> queue.submit(4, 1, NO_DEADLINE), QueueFullException.class);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMillis).isLessThan(100);
            assertThat(refused.getMessage())
                    .contains("endpoint 'scorer'", "2 requests queued", "retry after");
            assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(queue.statistics().rejectedCount()).isEqualTo(1);
            assertThat(queue.statistics().failureCount()).isZero();

            handler.release();
            assertThat(List.of(resultOf(running), resultOf(second), resultOf(third))).containsExactly(0, 4, 6);
            assertThat(handler.batches()).doesNotContain(List.of(4));
        }
    }

    @Test
    void submitRefusesEmptyRequestsAndMissingPayloads() {
        try (BatchQueue<Integer, Integer> queue =
                     new BatchQueue<>("strict", BatchPolicy.defaults(), RecordingHandler.doubling())) {
            assertThatThrownBy(() -> queue.submit(1, 0, NO_DEADLINE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a request has at least 1 row, was 0");
            assertThatThrownBy(() -> queue.submit(null, 1, NO_DEADLINE))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
