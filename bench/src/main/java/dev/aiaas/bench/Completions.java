package dev.aiaas.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where a load reports each finished call: the latency of a successful one into an
 * HdrHistogram {@link Recorder} (wait-free, safe from any number of threads), a failed one
 * into a count that keeps the first failure's message. Latencies are in nanoseconds.
 */
final class Completions {

    /** Three significant digits: a 250 µs latency is recorded to within 0.25 µs. */
    private final Recorder latencies = new Recorder(3);
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    void succeeded(long latencyNanos) {
        latencies.recordValue(Math.max(1, latencyNanos));
    }

    void failed(Throwable failure) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /** The latencies recorded since the last call (the first call: since the start); resets the interval. */
    Histogram interval() {
        return latencies.getIntervalHistogram();
    }

    long failureCount() {
        return failures.get();
    }

    /** The first failure's type and message, or null when none failed. */
    String firstFailure() {
        return firstFailure.get();
    }
}
