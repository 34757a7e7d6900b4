package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchPolicy;
import dev.aiaas.batching.BatchQueue;
import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.ServedModel;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One role of an endpoint (champion, challenger or shadow): the version serving it now and the
 * bounded queue and workers in front of that version, its own so that one role's load never
 * queues another's requests. The version is swapped atomically; changes are serialised by
 * {@link Deployments}.
 */
final class VersionLane {

    final Role role;
    private final String queueName;
    private final int engineThreads;
    volatile BatchQueue<ModelWork, ModelWork.Answer> queue;
    volatile String message = "";
    volatile boolean failed;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();

    VersionLane(String endpoint, Role role, BatchPolicy batching, int engineThreads) {
        this.role = role;
        // the champion's queue keeps the endpoint's name (its threads and errors say it)
        this.queueName = role == Role.CHAMPION ? endpoint : endpoint + ":" + role.label();
        this.engineThreads = engineThreads;
        this.queue = new BatchQueue<>(queueName, batching, new ForwardPass(engineThreads));
    }

    ServedModel current() {
        return current.get();
    }

    /** Puts {@code next} in service; returns the version it replaces (null if none). */
    ServedModel swap(ServedModel next) {
        return current.getAndSet(next);
    }

    /** A use of the current version, retrying if a swap closed the one just read; null when none serves. */
    ServedModel acquire() {
        while (true) {
            ServedModel model = current.get();
            if (model == null || model.acquire()) {
                return model;
            }
        }
    }

    /** Gives the lane a new queue with {@code batching}; the old one closes once it has answered what it holds. */
    void rebatch(BatchPolicy batching) {
        if (!queue.policy().equals(batching)) {
            BatchQueue<ModelWork, ModelWork.Answer> old = queue;
            queue = new BatchQueue<>(queueName, batching, new ForwardPass(engineThreads));
            QueueDrain.closeWhenEmpty(old);
        }
    }

    /**
     * Takes the lane out of service gently (its role is no longer bound): its queue closes once
     * it has answered what it holds; returns the version that was serving (null if none).
     */
    ServedModel drain() {
        QueueDrain.closeWhenEmpty(queue);
        return current.getAndSet(null);
    }

    /** Stops the queue; returns the version that was serving (null if none). */
    ServedModel retire() {
        queue.close();
        return current.getAndSet(null);
    }
}
