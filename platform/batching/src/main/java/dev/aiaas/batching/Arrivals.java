package dev.aiaas.batching;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests on their way into a queue: admitted by the caller, not submitted yet. Once a
 * caller has announced one, workers wait for more rows only while some are on their way
 * (within {@code maxQueueDelay}) instead of always spending the delay: a lone request runs at
 * once, and a burst still shares one forward pass.
 */
final class Arrivals {

    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean announcing;

    /** One request is on its way; close the handle once it was submitted or given up. */
    Arrival announce() {
        announcing = true;
        pending.incrementAndGet();
        return new Arrival(pending);
    }

    /** Whether a worker should wait for more: always until a caller announces, then only for announced ones. */
    boolean worthWaiting() {
        return !announcing || pending.get() > 0;
    }
}
