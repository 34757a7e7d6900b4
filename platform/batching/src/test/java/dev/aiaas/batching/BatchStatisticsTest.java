package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.failureOf;
import static dev.aiaas.batching.Submissions.occupyWorker;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchStatisticsTest {

    private static final long HELD_MILLIS = 30;

    @Test
    void countsRequestsRowsAndHandlerCallsPerBatchSize() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        long before = System.currentTimeMillis();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("figures", policy(3, 0, 16, 1), handler)) {
            CompletableFuture<Integer> first = occupyWorker(queue, handler);
            CompletableFuture<Integer> two = queue.submit(2, 2, NO_DEADLINE);
            CompletableFuture<Integer> one = queue.submit(1, 1, NO_DEADLINE);
            CompletableFuture<Integer> late = queue.submit(9, 1, System.nanoTime() + 1);
            Thread.sleep(HELD_MILLIS);
            handler.release();
            resultOf(first);
            resultOf(two);
            resultOf(one);
            failureOf(late);

            BatchStatistics.Snapshot figures = queue.statistics().snapshot();
            assertThat(figures.successCount()).isEqualTo(3);
            assertThat(figures.inferenceCount()).isEqualTo(6);
            assertThat(figures.failureCount()).isEqualTo(1);
            assertThat(figures.failureNanos()).isPositive();
            assertThat(figures.rejectedCount()).isZero();
            assertThat(figures.executionCount()).isEqualTo(2);
            assertThat(figures.byBatchSize()).containsOnlyKeys(3);
            assertThat(figures.byBatchSize().get(3).count()).isEqualTo(2);
            assertThat(figures.byBatchSize().get(3).computeNanos())
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(HELD_MILLIS));
            assertThat(figures.lastInferenceMillis()).isBetween(before, System.currentTimeMillis());
        }
    }

    @Test
    void requestTimesSplitIntoQueueAndComputeAndSumOverRequests() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("timing", policy(2, 0, 16, 1), handler)) {
            CompletableFuture<Integer> first = occupyWorker(queue, handler);
            CompletableFuture<Integer> a = queue.submit(1, 1, NO_DEADLINE);
            CompletableFuture<Integer> b = queue.submit(2, 1, NO_DEADLINE);
            Thread.sleep(HELD_MILLIS);
            handler.release();
            resultOf(first);
            resultOf(a);
            resultOf(b);

            BatchStatistics statistics = queue.statistics();
            long held = TimeUnit.MILLISECONDS.toNanos(HELD_MILLIS);
            // The first request computed while the other two queued behind it.
            assertThat(statistics.computeNanos()).isGreaterThanOrEqualTo(held);
            assertThat(statistics.queueNanos()).isGreaterThanOrEqualTo(2 * held);
            assertThat(statistics.successNanos())
                    .isGreaterThanOrEqualTo(statistics.queueNanos() + statistics.computeNanos());
            assertThat(statistics.byBatchSize()).containsOnlyKeys(2);
            assertThat(statistics.byBatchSize().get(2).count()).isEqualTo(2);
        }
    }

    @Test
    void aFreshQueueHasNoFiguresAndSnapshotsCannotBeChanged() {
        try (BatchQueue<Integer, Integer> queue =
                     new BatchQueue<>("fresh", BatchPolicy.defaults(), RecordingHandler.doubling())) {
            BatchStatistics.Snapshot figures = queue.statistics().snapshot();

            assertThat(figures.successCount()).isZero();
            assertThat(figures.executionCount()).isZero();
            assertThat(figures.lastInferenceMillis()).isZero();
            assertThat(figures.byBatchSize()).isEmpty();
            assertThatThrownBy(() -> figures.byBatchSize().put(1, new BatchSizeFigures(1, 1)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
