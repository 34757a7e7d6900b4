package dev.aiaas.batching;

import java.time.Duration;

/**
 * Thrown at once by {@link BatchQueue#submit} when the endpoint's queue already holds
 * {@link BatchPolicy#queueCapacity()} requests: the request was not queued.
 */
public final class QueueFullException extends RuntimeException {

    private final Duration retryAfter;

    public QueueFullException(String endpoint, int capacity, Duration retryAfter) {
        // No stack trace: under overload this is thrown for many requests a second, and where
        // it was thrown (submit) says nothing the message does not.
        super("endpoint '" + endpoint + "' already has " + capacity
                + " requests queued, its capacity; retry after " + retryAfter.toMillis()
                + " ms, or raise the endpoint's queue capacity or instances", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** A hint for the client: roughly how long the queue needs to make room. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
