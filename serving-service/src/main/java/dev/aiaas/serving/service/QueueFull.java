package dev.aiaas.serving.service;

import dev.aiaas.batching.QueueFullException;
import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import java.time.Duration;

/** RESOURCE_EXHAUSTED because an endpoint's queue is full, with when to try again (HTTP Retry-After). */
public final class QueueFull extends DomainException {

    private final Duration retryAfter;

    QueueFull(String endpoint, QueueFullException cause) {
        super(ErrorKind.RESOURCE_EXHAUSTED, "model '" + endpoint + "' has a full queue: " + cause.getMessage(), cause);
        this.retryAfter = cause.retryAfter();
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
