package dev.aiaas.batching;

/**
 * How often the handler ran batches of one size (total rows) and how long those runs took.
 *
 * @param count        handler calls with this many rows
 * @param computeNanos their handler time, summed
 */
public record BatchSizeFigures(long count, long computeNanos) {
}
