package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.failureOf;
import static dev.aiaas.batching.Submissions.occupyWorker;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void requestsWhoseDeadlinePassedInTheQueueAreFailedAndNeverComputed() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("late", policy(8, 0, 16, 1), handler)) {
            CompletableFuture<Integer> first = occupyWorker(queue, handler);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
            CompletableFuture<Integer> hurried = queue.submit(7, 1, deadline);
            CompletableFuture<Integer> patient = queue.submit(8, 1, NO_DEADLINE);
            while (System.nanoTime() - deadline <= 0) {
                Thread.sleep(2);
            }
            handler.release();

            assertThat(failureOf(hurried))
                    .isInstanceOf(DeadlineExpiredException.class)
                    .hasMessageContaining("endpoint 'late' passed its deadline")
                    .hasMessageContaining("not computed");
            assertThat(resultOf(patient)).isEqualTo(16);
            assertThat(resultOf(first)).isZero();
            assertThat(handler.batches()).containsExactly(List.of(0), List.of(8));
            assertThat(queue.statistics().failureCount()).isEqualTo(1);
            assertThat(queue.statistics().successCount()).isEqualTo(2);
        }
    }

    @Test
    void aRequestAlreadyPastItsDeadlineIsFailedAtSubmitWithoutTakingASlot() throws Exception {
        RecordingHandler handler = RecordingHandler.doubling();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("past", policy(8, 0, 1, 1), handler)) {
            CompletableFuture<Integer> expired = queue.submit(1, 1, System.nanoTime() - 1_000);

            assertThat(expired).isCompletedExceptionally();
            assertThat(failureOf(expired)).isInstanceOf(DeadlineExpiredException.class);
            assertThat(queue.queued()).isZero();
            assertThat(handler.batches()).isEmpty();
        }
    }
}
