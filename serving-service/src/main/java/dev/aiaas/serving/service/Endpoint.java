package dev.aiaas.serving.service;

import dev.aiaas.batching.BatchQueue;
import dev.aiaas.serving.model.DesiredDeployment;
import dev.aiaas.serving.model.EndpointKey;
import dev.aiaas.serving.model.ServedModel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One endpoint of one project in this process: its declaration, the version answering now and the bounded
 * queue in front of it. The version is swapped atomically; changes to one endpoint are
 * serialised by {@link Deployments}.
 */
final class Endpoint {

    final EndpointKey key;
    final String project;
    final String name;
    volatile DesiredDeployment desired;
    volatile BatchQueue<ModelWork, ModelWork.Answer> queue;
    volatile String message = "";
    volatile boolean failed;
    volatile Instant updatedAt = Instant.now();
    private final AtomicReference<ServedModel> current = new AtomicReference<>();

    Endpoint(DesiredDeployment desired, int engineThreads) {
        this.key = desired.key();
        this.project = desired.project();
        this.name = desired.endpoint();
        this.desired = desired;
        this.queue = new BatchQueue<>(name, desired.batching(), new ForwardPass(engineThreads));
    }

    ServedModel current() {
        return current.get();
    }

    /** Puts {@code next} in service; returns the version it replaces (null if none). */
    ServedModel swap(ServedModel next) {
        ServedModel previous = current.getAndSet(next);
        updatedAt = Instant.now();
        return previous;
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

    /** Stops the queue; returns the version that was serving (null if none). */
    ServedModel retire() {
        queue.close();
        return current.getAndSet(null);
    }
}
