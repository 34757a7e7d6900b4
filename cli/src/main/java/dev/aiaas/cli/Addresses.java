package dev.aiaas.cli;

import java.util.Map;

/**
 * Where the six services listen. Defaults are the local stack's ports; each can be moved
 * with the same environment variable the launcher reads ({@code AIAAS_INGEST_PORT}, …),
 * and {@code AIAAS_HOST} names another host.
 */
public record Addresses(String host, int ingest, int preprocess, int training, int registry, int serving,
        int monitoring) {

    public static Addresses fromEnvironment() {
        return from(System.getenv());
    }

    static Addresses from(Map<String, String> env) {
        return new Addresses(env.getOrDefault("AIAAS_HOST", "localhost"),
                port(env, "AIAAS_INGEST_PORT", 18081), port(env, "AIAAS_PREPROCESS_PORT", 18082),
                port(env, "AIAAS_TRAINING_PORT", 18083), port(env, "AIAAS_REGISTRY_PORT", 18084),
                port(env, "AIAAS_SERVING_PORT", 18085), port(env, "AIAAS_MONITORING_PORT", 18086));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number");
        }
    }
}
