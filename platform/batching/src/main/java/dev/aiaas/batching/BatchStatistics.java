package dev.aiaas.batching;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One endpoint's live figures, in the shape of the KServe v2 / Triton statistics extension.
 * Every method is thread-safe; each figure is exact, but figures read one after another may
 * come from slightly different instants while requests are running.
 *
 * <p>Per-request figures (success, failure, queue, compute) sum over requests, as Triton's
 * inference statistics do: each request of a batch adds the batch's whole handler time to
 * {@link #computeNanos()}. Handler time per call is in {@link #byBatchSize()}.
 */
public final class BatchStatistics {

    private final LongAdder successCount = new LongAdder();
    private final LongAdder failureCount = new LongAdder();
    private final LongAdder rejectedCount = new LongAdder();
    private final LongAdder inferenceCount = new LongAdder();
    private final LongAdder executionCount = new LongAdder();
    private final LongAdder executionNanos = new LongAdder();
    private final LongAdder successNanos = new LongAdder();
    private final LongAdder failureNanos = new LongAdder();
    private final LongAdder queueNanos = new LongAdder();
    private final LongAdder computeNanos = new LongAdder();
    private final AtomicLong lastInferenceMillis = new AtomicLong();
    private final Map<Integer, SizeCounters> bySize = new ConcurrentHashMap<>();

    /** All figures at once, immutable. */
    public record Snapshot(long successCount, long failureCount, long rejectedCount, long inferenceCount,
                           long executionCount, long successNanos, long failureNanos, long queueNanos,
                           long computeNanos, long lastInferenceMillis,
                           SortedMap<Integer, BatchSizeFigures> byBatchSize) {

        public Snapshot {
            byBatchSize = Collections.unmodifiableSortedMap(new TreeMap<>(byBatchSize));
        }
    }

    /** Requests that completed with a result. */
    public long successCount() {
        return successCount.sum();
    }

    /** Queued requests that completed exceptionally: handler failure, deadline, or close. */
    public long failureCount() {
        return failureCount.sum();
    }

    /** Submits refused with {@link QueueFullException}; never queued, so not in failureCount. */
    public long rejectedCount() {
        return rejectedCount.sum();
    }

    /** Rows of the successful requests. */
    public long inferenceCount() {
        return inferenceCount.sum();
    }

    /** Handler calls, whether they returned or threw. */
    public long executionCount() {
        return executionCount.sum();
    }

    /** Submit to completion, summed over successful requests. */
    public long successNanos() {
        return successNanos.sum();
    }

    /** Submit to failure, summed over failed requests. */
    public long failureNanos() {
        return failureNanos.sum();
    }

    /** Submit to the start of the request's batch, summed over successful requests. */
    public long queueNanos() {
        return queueNanos.sum();
    }

    /** Handler time of the request's batch, summed over successful requests. */
    public long computeNanos() {
        return computeNanos.sum();
    }

    /** Epoch milliseconds of the last success; 0 when there was none. */
    public long lastInferenceMillis() {
        return lastInferenceMillis.get();
    }

    /** Per batch size (total rows of a handler call): calls and their handler time. */
    public SortedMap<Integer, BatchSizeFigures> byBatchSize() {
        SortedMap<Integer, BatchSizeFigures> figures = new TreeMap<>();
        bySize.forEach((size, counters) -> figures.put(size, counters.figures()));
        return Collections.unmodifiableSortedMap(figures);
    }

    public Snapshot snapshot() {
        return new Snapshot(successCount(), failureCount(), rejectedCount(), inferenceCount(),
                executionCount(), successNanos(), failureNanos(), queueNanos(), computeNanos(),
                lastInferenceMillis(), byBatchSize());
    }

    /** Mean handler time per call, or -1 before the first call. */
    long meanExecutionNanos() {
        long executions = executionCount.sum();
        return executions == 0 ? -1 : executionNanos.sum() / executions;
    }

    void recordSuccess(int rows, long totalNanos, long waitedNanos, long batchComputeNanos) {
        successCount.increment();
        inferenceCount.add(rows);
        successNanos.add(totalNanos);
        queueNanos.add(waitedNanos);
        computeNanos.add(batchComputeNanos);
        lastInferenceMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    void recordFailure(long totalNanos) {
        failureCount.increment();
        failureNanos.add(totalNanos);
    }

    void recordRejection() {
        rejectedCount.increment();
    }

    void recordExecution(int batchRows, long nanos) {
        executionCount.increment();
        executionNanos.add(nanos);
        bySize.computeIfAbsent(batchRows, size -> new SizeCounters()).add(nanos);
    }

    private static final class SizeCounters {
        private final LongAdder count = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        void add(long computeNanos) {
            count.increment();
            nanos.add(computeNanos);
        }

        BatchSizeFigures figures() {
            return new BatchSizeFigures(count.sum(), nanos.sum());
        }
    }
}
