package dev.aiaas.serving.grpc;

import java.util.concurrent.TimeUnit;

/** Test access to {@link ClientDeadlines}' reading of {@code grpc-timeout}. */
public final class ClientDeadlinesProbe {

    private ClientDeadlinesProbe() {
    }

    /** Milliseconds left until the deadline {@code timeout} sets, or null for none. */
    public static Long remainingMillis(String timeout) {
        Long deadline = ClientDeadlines.deadlineNanos(null, timeout);
        return deadline == null ? null : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
