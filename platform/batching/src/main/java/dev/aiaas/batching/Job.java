package dev.aiaas.batching;

import java.util.concurrent.CompletableFuture;

/**
 * One submitted request on its way through the queue. Whoever takes it from the queue owns it
 * and completes it, which is what makes every job complete exactly once.
 *
 * @param deadlineNanos a {@link System#nanoTime()} value, {@link Long#MAX_VALUE} for none
 * @param enqueuedNanos {@link System#nanoTime()} at submit
 */
record Job<P, R>(P payload, int rows, long deadlineNanos, long enqueuedNanos, CompletableFuture<R> future) {

    static final long NO_DEADLINE = Long.MAX_VALUE;

    /** Compared by difference, as nanoTime values must be: they may be negative. */
    boolean isExpired(long nowNanos) {
        return deadlineNanos != NO_DEADLINE && nowNanos - deadlineNanos > 0;
    }

    /** True when the caller cancelled the future: nobody wants the result any more. */
    boolean isAbandoned() {
        return future.isDone();
    }

    /** Statistics first, so that a caller woken by the future already sees its request counted. */
    void succeed(R result, long batchStartNanos, long batchEndNanos, BatchStatistics statistics) {
        long now = System.nanoTime();
        statistics.recordSuccess(rows, now - enqueuedNanos, batchStartNanos - enqueuedNanos,
                batchEndNanos - batchStartNanos);
        future.complete(result);
    }

    void fail(Throwable cause, BatchStatistics statistics) {
        statistics.recordFailure(System.nanoTime() - enqueuedNanos);
        future.completeExceptionally(cause);
    }
}
