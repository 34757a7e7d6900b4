package dev.aiaas.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the tests share: no deadline, a bounded wait for results, a policy in one line. */
final class Submissions {

    static final long NO_DEADLINE = Long.MAX_VALUE;

    private Submissions() {
    }

    static BatchPolicy policy(int maxBatchSize, long delayMillis, int queueCapacity, int instances) {
        return new BatchPolicy(maxBatchSize, Duration.ofMillis(delayMillis), queueCapacity, instances);
    }

    static <R> R resultOf(CompletableFuture<R> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    /** The exception the future failed with, unwrapped. */
    static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the request to fail, it succeeded");
    }

    /** Starts the held first batch with a request that fills it, so it runs without waiting. */
    static CompletableFuture<Integer> occupyWorker(BatchQueue<Integer, Integer> queue, RecordingHandler handler)
            throws InterruptedException {
        CompletableFuture<Integer> first = queue.submit(0, queue.policy().maxBatchSize(), NO_DEADLINE);
        handler.awaitFirstBatch();
        assertThat(queue.queued()).isZero();
        return first;
    }
}
