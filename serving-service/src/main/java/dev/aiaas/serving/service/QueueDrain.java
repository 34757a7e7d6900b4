package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchQueue;
import java.time.Duration;

/**
 * Retires a queue that a new batching policy replaced: it takes no new requests (they go to
 * the new queue), and closes once the requests it already holds are answered, or after
 * {@link #GRACE} at the latest.
 */
final class QueueDrain {

    static final Duration GRACE = Duration.ofSeconds(10);

    private QueueDrain() {
    }

    static void closeWhenEmpty(BatchQueue<?, ?> queue) {
        Thread drain = new Thread(() -> {
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (queue.queued() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            queue.close();
        }, "queue-drain");
        drain.setDaemon(true);
        drain.start();
    }
}
