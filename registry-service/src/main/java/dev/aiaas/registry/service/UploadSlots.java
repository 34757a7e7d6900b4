package dev.aiaas.registry.service;

import dev.aiaas.errors.DomainException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many uploads may be received at a time: each holds a spool file and a worker thread until
 * it ends, so one more than the limit is refused at once (RESOURCE_EXHAUSTED) rather than queued.
 */
final class UploadSlots {

    private final int limit;
    private final Semaphore free;

    UploadSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("registry.upload.max-concurrent must be 1 or more, was " + limit);
        }
        this.limit = limit;
        this.free = new Semaphore(limit);
    }

    /**
     * Takes a slot for one upload.
     *
     * @throws DomainException RESOURCE_EXHAUSTED when every slot is taken
     */
    Slot take() {
        if (!free.tryAcquire()) {
            throw DomainException.exhausted("the registry is receiving " + limit + " uploads, as many as it takes"
                    + " at a time (registry.upload.max-concurrent): upload again in a moment");
        }
        return new Slot();
    }

    /** Slots free now. */
    int available() {
        return free.availablePermits();
    }

    /** One upload's slot; giving it back more than once gives it back once. */
    final class Slot implements AutoCloseable {

        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot() {
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                free.release();
            }
        }
    }
}
