package dev.aiaas.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the Kafka intake is stuck: set while a polled batch cannot be taken (the database or
 * Kafka is failing) and the listener is retrying it, with the failure and since when.
 */
@ApplicationScoped
public class IntakeFailure {

    /** Since when the intake has been failing, and the latest failure. */
    public record Failure(Instant since, String problem) {
    }

    private volatile Failure failure;

    void failing(String problem) {
        Failure current = failure;
        failure = new Failure(current == null ? Instant.now() : current.since(), problem);
    }

    void recovered() {
        failure = null;
    }

    /** The current failure, empty while the intake takes what it polls. */
    public Optional<Failure> current() {
        return Optional.ofNullable(failure);
    }
}
