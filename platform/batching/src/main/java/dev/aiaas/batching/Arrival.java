package dev.aiaas.batching;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A request announced to a {@link BatchQueue} with {@link BatchQueue#announce()}; close it once submitted. */
public final class Arrival implements AutoCloseable {

    private final AtomicInteger pending;
    private final AtomicBoolean arrived = new AtomicBoolean();

    Arrival(AtomicInteger pending) {
        this.pending = pending;
    }

    /** The request was submitted or given up. Idempotent. */
    @Override
    public void close() {
        if (arrived.compareAndSet(false, true)) {
            pending.decrementAndGet();
        }
    }
}
