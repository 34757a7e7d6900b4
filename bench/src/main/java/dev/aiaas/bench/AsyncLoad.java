package dev.aiaas.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A closed loop over an asynchronous client: one driver thread takes a permit of a
 * {@link Semaphore} of {@code inFlight} permits and sends a request; the request's completion
 * (on the client's own threads) records its latency and gives the permit back. So exactly
 * {@code inFlight} requests are outstanding at any time, and the driver never waits on a
 * response, only on a free permit.
 */
abstract class AsyncLoad implements Load {

    /** Longest {@link #stop()} waits for the requests in flight; beyond it the server is stuck. */
    private static final long DRAIN_SECONDS = 60;

    private final int inFlight;
    private final Semaphore permits;
    private volatile boolean running;
    private Thread driver;

    AsyncLoad(int inFlight) {
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
    }

    /**
     * Sends one request. Exactly one of {@code call.succeeded()} or {@code call.failed(e)} must
     * follow, from any thread; an exception thrown here counts as the failure.
     */
    protected abstract void send(Call call);

    @Override
    public void start(Completions completions) {
        running = true;
        driver = new Thread(() -> drive(completions), "bench-driver");
        driver.setDaemon(true);
        driver.start();
    }

    private void drive(Completions completions) {
        try {
            while (running) {
                permits.acquire();
                if (!running) {
                    permits.release();
                    return;
                }
                Call call = new Call(completions, System.nanoTime());
                try {
                    send(call);
                } catch (RuntimeException e) {
                    call.failed(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (driver != null) {
            driver.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        }
        if (!permits.tryAcquire(inFlight, DRAIN_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException((inFlight - permits.availablePermits()) + " requests still had no answer "
                    + DRAIN_SECONDS + " s after the load stopped: look at the serving service's log");
        }
        permits.release(inFlight);
    }

    /** One request in flight: its start time and the permit it holds. */
    final class Call {
        private final Completions completions;
        private final long startNanos;

        private Call(Completions completions, long startNanos) {
            this.completions = completions;
            this.startNanos = startNanos;
        }

        void succeeded() {
            completions.succeeded(System.nanoTime() - startNanos);
            permits.release();
        }

        void failed(Throwable failure) {
            completions.failed(failure);
            permits.release();
        }
    }
}
