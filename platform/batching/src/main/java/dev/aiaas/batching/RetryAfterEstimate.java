package dev.aiaas.batching;

import java.time.Duration;

/**
 * The retry-after hint of a {@link QueueFullException}: about how long the workers need to
 * run the batches ahead. Every queued request has at least one row, so a full queue is at
 * least {@code capacity / maxBatchSize} batches, shared among the instances.
 */
final class RetryAfterEstimate {

    /** Before the first batch has run there is no measured handler time to go on. */
    static final Duration UNMEASURED_BATCH = Duration.ofMillis(10);
    static final Duration FLOOR = Duration.ofMillis(1);
    static final Duration CEILING = Duration.ofSeconds(30);

    private RetryAfterEstimate() {
    }

    static Duration of(BatchPolicy policy, BatchStatistics statistics) {
        long meanBatchNanos = statistics.meanExecutionNanos();
        if (meanBatchNanos < 0) {
            meanBatchNanos = UNMEASURED_BATCH.toNanos();
        }
        long batchesAhead = ceilDiv(policy.queueCapacity(), policy.maxBatchSize());
        long rounds = ceilDiv(batchesAhead, policy.instances());
        long perRound = Math.max(1, meanBatchNanos + policy.maxQueueDelay().toNanos());
        long nanos = rounds > Long.MAX_VALUE / perRound ? Long.MAX_VALUE : rounds * perRound;
        return Duration.ofNanos(Math.max(FLOOR.toNanos(), Math.min(CEILING.toNanos(), nanos)));
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
