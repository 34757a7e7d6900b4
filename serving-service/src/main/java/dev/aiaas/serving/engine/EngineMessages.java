package dev.aiaas.serving.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What an engine said when it failed, for the client: DJL wraps the engine's own words (ONNX
 * Runtime's, libtorch's) in exceptions of its own, so every distinct message of the chain is kept,
 * outermost first.
 */
public final class EngineMessages {

    private static final int MAX_CHARS = 600;

    private EngineMessages() {
    }

    public static String of(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        String joined = String.join(": ", messages);
        return joined.length() <= MAX_CHARS ? joined : joined.substring(0, MAX_CHARS) + "…";
    }
}
