package dev.aiaas.batching;

import java.time.Duration;

/**
 * How one endpoint batches.
 *
 * @param maxBatchSize  the most rows merged into one handler call, 1 to 65,536; a single request
 *                      with more rows still runs, alone
 * @param maxQueueDelay how long a worker waits for more requests after taking a batch's first
 *                      one, 0 to 1 s; zero merges only what is already queued
 * @param queueCapacity the most requests waiting at once, 1 to 1,000,000; beyond it submit
 *                      throws {@link QueueFullException}
 * @param instances     worker threads ("model instances") running batches in parallel, 1 to 64
 */
public record BatchPolicy(int maxBatchSize, Duration maxQueueDelay, int queueCapacity, int instances) {

    static final int MAX_BATCH_SIZE = 65_536;
    static final Duration MAX_QUEUE_DELAY = Duration.ofSeconds(1);
    static final int MAX_QUEUE_CAPACITY = 1_000_000;
    static final int MAX_INSTANCES = 64;

    public BatchPolicy {
        requireBetween("maxBatchSize", maxBatchSize, MAX_BATCH_SIZE, "rows");
        if (maxQueueDelay == null) {
            throw new IllegalArgumentException(
                    "maxQueueDelay must be set; use Duration.ZERO to run whatever is queued without waiting");
        }
        if (maxQueueDelay.isNegative() || maxQueueDelay.compareTo(MAX_QUEUE_DELAY) > 0) {
            throw new IllegalArgumentException("maxQueueDelay must be between 0 and " + MAX_QUEUE_DELAY
                    + ", was " + maxQueueDelay + "; a longer wait adds latency to every request");
        }
        requireBetween("queueCapacity", queueCapacity, MAX_QUEUE_CAPACITY, "requests");
        requireBetween("instances", instances, MAX_INSTANCES, "worker threads");
    }

    /** 64 rows, 500 µs, 1,024 requests, one instance. */
    public static BatchPolicy defaults() {
        return new BatchPolicy(64, Duration.ofNanos(500_000), 1024, 1);
    }

    private static void requireBetween(String name, int value, int max, String unit) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between 1 and " + max + " " + unit + ", was " + value);
        }
    }
}
