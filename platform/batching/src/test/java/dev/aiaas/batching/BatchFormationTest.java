package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.occupyWorker;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchFormationTest {

    @Test
    void concurrentSingleRowRequestsAreMergedAndEachCallerGetsItsOwnResult() throws Exception {
        int callers = 8;
        int requestsEach = 40;
        RecordingHandler handler = RecordingHandler.doubling();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("merge", policy(8, 5, 64, 1), handler)) {
            List<Future<List<String>>> mismatches = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int base = caller * 1_000;
                mismatches.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < requestsEach; i++) {
                        int result = resultOf(queue.submit(base + i, 1, NO_DEADLINE));
                        if (result != (base + i) * 2) {
                            wrong.add((base + i) + " -> " + result);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> caller : mismatches) {
                assertThat(caller.get(10, TimeUnit.SECONDS)).isEmpty();
            }

            BatchStatistics statistics = queue.statistics();
            assertThat(statistics.successCount()).isEqualTo(callers * requestsEach);
            assertThat(statistics.executionCount()).isLessThan(statistics.successCount() / 2);
            assertThat(handler.rowsPerBatch()).allSatisfy(rows -> assertThat(rows).isBetween(1, 8));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJobThatWouldOverflowTheBatchStartsTheNextOneAndNothingIsReordered() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("carry", policy(4, 20, 16, 1), handler)) {
            CompletableFuture<Integer> first = occupyWorker(queue, handler);
            CompletableFuture<Integer> three = queue.submit(3, 3, NO_DEADLINE);
            CompletableFuture<Integer> two = queue.submit(2, 2, NO_DEADLINE);
            CompletableFuture<Integer> one = queue.submit(1, 1, NO_DEADLINE);
            handler.release();

            assertThat(List.of(resultOf(first), resultOf(three), resultOf(two), resultOf(one)))
                    .containsExactly(0, 6, 4, 2);
            assertThat(handler.batches()).containsExactly(List.of(0), List.of(3), List.of(2, 1));
            assertThat(handler.rowsPerBatch()).containsExactly(4, 3, 3);
        }
    }

    @Test
    void aSingleRequestLargerThanTheBatchSizeRunsAlone() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("oversized", policy(4, 20, 16, 1), handler)) {
            CompletableFuture<Integer> first = occupyWorker(queue, handler);
            CompletableFuture<Integer> small = queue.submit(1, 1, NO_DEADLINE);
            CompletableFuture<Integer> huge = queue.submit(10, 10, NO_DEADLINE);
            CompletableFuture<Integer> after = queue.submit(2, 1, NO_DEADLINE);
            handler.release();

            assertThat(List.of(resultOf(first), resultOf(small), resultOf(huge), resultOf(after)))
                    .containsExactly(0, 2, 20, 4);
            assertThat(handler.batches()).containsExactly(List.of(0), List.of(1), List.of(10), List.of(2));
            assertThat(handler.rowsPerBatch()).containsExactly(4, 1, 10, 1);
        }
    }

    @Test
    void zeroDelayStillMergesWhatIsAlreadyQueued() throws Exception {
        RecordingHandler handler = RecordingHandler.holdingFirstBatch();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("nodelay", policy(8, 0, 16, 1), handler)) {
            CompletableFuture<Integer> first = occupyWorker(queue, handler);
            CompletableFuture<Integer> a = queue.submit(5, 1, NO_DEADLINE);
            CompletableFuture<Integer> b = queue.submit(6, 1, NO_DEADLINE);
            handler.release();

            assertThat(List.of(resultOf(first), resultOf(a), resultOf(b))).containsExactly(0, 10, 12);
            assertThat(handler.batches()).containsExactly(List.of(0), List.of(5, 6));
        }
    }

    @Test
    void zeroDelayRunsALoneRequestWithoutWaitingForCompany() throws Exception {
        try (BatchQueue<Integer, Integer> queue =
                     new BatchQueue<>("prompt", policy(64, 0, 16, 1), RecordingHandler.doubling())) {
            long start = System.nanoTime();
            assertThat(resultOf(queue.submit(21, 1, NO_DEADLINE))).isEqualTo(42);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(250);
        }
    }

    @Test
    void aLoneRequestWaitsOutTheQueueDelayHopingForCompany() throws Exception {
        try (BatchQueue<Integer, Integer> queue =
                     new BatchQueue<>("patient", policy(64, 400, 16, 1), RecordingHandler.doubling())) {
            long start = System.nanoTime();
            CompletableFuture<Integer> lone = queue.submit(21, 1, NO_DEADLINE);

            Thread.sleep(150);
            assertThat(lone).isNotDone();
            assertThat(resultOf(lone)).isEqualTo(42);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(390);
        }
    }
}
