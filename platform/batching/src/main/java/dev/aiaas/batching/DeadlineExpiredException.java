package dev.aiaas.batching;

import java.time.Duration;

/** A request whose deadline passed before it reached the model; it was never computed. */
public final class DeadlineExpiredException extends RuntimeException {

    public DeadlineExpiredException(String endpoint, Duration overdue) {
        // No stack trace: it would show a worker thread, which tells the caller nothing.
        super("request to endpoint '" + endpoint + "' passed its deadline " + overdue.toNanos() / 1_000
                + " µs before it reached the model and was not computed; send it again with a"
                + " longer deadline, or add instances if the queue is often this slow", null, false, false);
    }
}
