package dev.aiaas.serving.service;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Runs work on the Vert.x context (event loop) of the request being handled, or in place
 * when there is none (a call from a test or a worker thread).
 */
final class RequestContextExecutor {

    private RequestContextExecutor() {
    }

    static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
