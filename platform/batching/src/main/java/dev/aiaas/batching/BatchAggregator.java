package dev.aiaas.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Forms one worker's batches: takes the first job, then drains the queue until the batch holds
 * {@code maxBatchSize} rows or {@code maxQueueDelay}, counted from taking that first job, is
 * spent. A job that would overflow the batch is carried over as the first job of this worker's
 * next batch, so it is neither lost, run twice, nor passed by later jobs of this worker.
 *
 * <p>Not thread-safe: each worker has its own.
 */
final class BatchAggregator<P, R> {

    /** How often an idle worker looks at the closed flag; it bounds how long close waits for it. */
    static final long IDLE_POLL_MILLIS = 20;
    /** Longest one wait for more rows, before looking again whether any are on their way. */
    static final long WAIT_SLICE_NANOS = 100_000;

    private final String endpoint;
    private final BatchPolicy policy;
    private final BlockingQueue<Job<P, R>> queue;
    private final BooleanSupplier closed;
    private final BatchStatistics statistics;
    private final BooleanSupplier worthWaiting;
    private Job<P, R> carried;

    BatchAggregator(String endpoint, BatchPolicy policy, BlockingQueue<Job<P, R>> queue,
                    BooleanSupplier closed, BatchStatistics statistics, BooleanSupplier worthWaiting) {
        this.endpoint = endpoint;
        this.policy = policy;
        this.queue = queue;
        this.closed = closed;
        this.statistics = statistics;
        this.worthWaiting = worthWaiting;
    }

    /**
     * Blocks until a batch is ready. Jobs past their deadline are failed here and never
     * returned.
     *
     * @return a non-empty batch in arrival order, or null once the queue is closed
     */
    List<Job<P, R>> nextBatch() {
        while (true) {
            Job<P, R> first = takeFirst();
            if (first == null) {
                return null;
            }
            List<Job<P, R>> batch = gatherAfter(first);
            // Jobs may have expired while the batch was gathering.
            long now = System.nanoTime();
            batch.removeIf(job -> !admit(job, now));
            if (!batch.isEmpty()) {
                return batch;
            }
        }
    }

    private Job<P, R> takeFirst() {
        if (carried != null) {
            Job<P, R> job = carried;
            carried = null;
            if (closed.getAsBoolean()) {
                job.fail(new QueueClosedException(endpoint), statistics);
                return null;
            }
            if (admit(job, System.nanoTime())) {
                return job;
            }
        }
        while (!closed.getAsBoolean()) {
            Job<P, R> job = pollQuietly(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS));
            if (job != null && admit(job, System.nanoTime())) {
                return job;
            }
        }
        return null;
    }

    private List<Job<P, R>> gatherAfter(Job<P, R> first) {
        List<Job<P, R>> batch = new ArrayList<>();
        batch.add(first);
        long rows = first.rows();
        long budgetEnds = System.nanoTime() + policy.maxQueueDelay().toNanos();
        while (rows < policy.maxBatchSize() && !closed.getAsBoolean()) {
            Job<P, R> next = queue.poll();
            while (next == null && worthWaiting.getAsBoolean() && System.nanoTime() < budgetEnds) {
                // Short slices: a request announced but given up stops the wait within one.
                next = pollQuietly(Math.min(WAIT_SLICE_NANOS, budgetEnds - System.nanoTime()));
            }
            if (next == null) {
                break;
            }
            if (!admit(next, System.nanoTime())) {
                continue;
            }
            if (rows + next.rows() > policy.maxBatchSize()) {
                carried = next;
                break;
            }
            batch.add(next);
            rows += next.rows();
        }
        return batch;
    }

    /** Fails an expired job, skips one the caller cancelled; true for a job worth computing. */
    private boolean admit(Job<P, R> job, long nowNanos) {
        if (job.isAbandoned()) {
            return false;
        }
        if (job.isExpired(nowNanos)) {
            job.fail(new DeadlineExpiredException(endpoint, Duration.ofNanos(nowNanos - job.deadlineNanos())),
                    statistics);
            return false;
        }
        return true;
    }

    /** A spent budget still takes what is already queued: delay zero merges without waiting. */
    private Job<P, R> pollQuietly(long timeoutNanos) {
        try {
            return timeoutNanos <= 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Only close interrupts workers, after its grace period; the loops then see closed.
            return null;
        }
    }
}
