package dev.aiaas.training.service;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Answers the trainer's "stop?" between batches without a database query per batch: it
 * looks at the job's state at most once per interval and remembers a cancel once seen.
 */
final class CancellationPoll implements BooleanSupplier {

    private final BooleanSupplier stillRunning;
    private final long intervalNanos;
    private long lastCheck;
    private boolean cancelled;

    CancellationPoll(BooleanSupplier stillRunning, Duration interval) {
        this.stillRunning = stillRunning;
        this.intervalNanos = interval.toNanos();
        this.lastCheck = System.nanoTime();
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.nanoTime();
        if (!cancelled && now - lastCheck >= intervalNanos) {
            lastCheck = now;
            cancelled = !stillRunning.getAsBoolean();
        }
        return cancelled;
    }
}
