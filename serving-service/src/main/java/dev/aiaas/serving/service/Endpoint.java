package dev.aiaas.serving.service;

import dev.aiaas.serving.model.Binding;
import dev.aiaas.serving.model.ServedModel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One deployed endpoint: its binding and the model version answering now. The version is
 * swapped atomically; changes to one endpoint are serialised by locking the endpoint.
 */
final class Endpoint {

    final String name;
    volatile Binding binding;
    volatile String message = "";
    volatile Instant updatedAt = Instant.now();
    private final AtomicReference<ServedModel> current = new AtomicReference<>();

    Endpoint(String name, Binding binding) {
        this.name = name;
        this.binding = binding;
    }

    ServedModel current() {
        return current.get();
    }

    /** Puts {@code next} in service and retires the version it replaces. */
    void swap(ServedModel next) {
        ServedModel previous = current.getAndSet(next);
        updatedAt = Instant.now();
        if (previous != null) {
            previous.retire();
        }
    }

    /** A use of the current version, retrying if a swap closed the one just read. */
    ServedModel acquire() {
        while (true) {
            ServedModel model = current.get();
            if (model == null || model.acquire()) {
                return model;
            }
        }
    }

    void retire() {
        ServedModel last = current.getAndSet(null);
        if (last != null) {
            last.retire();
        }
    }
}
