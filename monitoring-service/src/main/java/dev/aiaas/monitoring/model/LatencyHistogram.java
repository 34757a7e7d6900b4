package dev.aiaas.monitoring.model;

import java.util.Arrays;

/**
 * Latencies counted in log-spaced buckets: bucket i holds [10 µs · 1.1^i, 10 µs · 1.1^(i+1)),
 * so a percentile read back is within 5 % of the true value, from 10 µs to about 100 s, and
 * histograms of different windows merge by adding counts.
 */
public final class LatencyHistogram {

    /** Lower edge of bucket 0, in seconds. */
    static final double BASE_SECONDS = 1e-5;
    static final double GROWTH = 1.1;
    public static final int BUCKETS = 170;

    private final long[] counts;

    public LatencyHistogram() {
        this(new long[BUCKETS]);
    }

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
    }

    public static LatencyHistogram of(long[] counts) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("a latency histogram has " + BUCKETS + " buckets, not " + counts.length);
        }
        return new LatencyHistogram(counts.clone());
    }

    public void add(double seconds) {
        counts[bucketOf(seconds)]++;
    }

    public void merge(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The latency below which a fraction {@code q} of the requests fall: the geometric
     * middle of the bucket that holds the q-th request; 0 when empty.
     */
    public double percentile(double q) {
        long total = total();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return BASE_SECONDS * Math.pow(GROWTH, i + 0.5);
            }
        }
        return BASE_SECONDS * Math.pow(GROWTH, BUCKETS);
    }

    public long[] counts() {
        return counts.clone();
    }

    static int bucketOf(double seconds) {
        if (!(seconds > BASE_SECONDS)) {
            return 0;
        }
        int bucket = (int) Math.floor(Math.log(seconds / BASE_SECONDS) / Math.log(GROWTH));
        return Math.min(bucket, BUCKETS - 1);
    }
}
