package dev.aiaas.cli;

import dev.aiaas.security.LocalKeys;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The token the command line presents: {@code AIAAS_TOKEN} when set (an installation's, from
 * its identity provider), else one minted with the local stack's key in {@code AIAAS_HOME}
 * (default {@code .aiaas}): admin of the default project, for an hour.
 */
public final class BearerToken {

    /** Who the command line is when it mints its own token. */
    static final String LOCAL_USER = "local-admin";

    private BearerToken() {
    }

    public static String fromEnvironment() {
        return from(System.getenv());
    }

    static String from(Map<String, String> env) {
        return from(env, Projects.DEFAULT);
    }

    /**
     * {@code AIAAS_TOKEN} when set, else a token minted with the local stack's key that makes the
     * command line admin of {@code project} (whoever holds the key may mint any token anyway).
     */
    public static String from(Map<String, String> env, String project) {
        String given = env.get("AIAAS_TOKEN");
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        return localKeys(env).mint(LOCAL_USER, project, Role.ADMIN, Duration.ofHours(1));
    }

    /** Attaches {@code Authorization: Bearer <token>} to every call of a channel or stub. */
    public static ClientInterceptor interceptor(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    static LocalKeys localKeys(Map<String, String> env) {
        return LocalKeys.in(localHome(env));
    }

    /** The local stack's home: {@code AIAAS_HOME}, else {@code .aiaas} (where {@code ./aiaas} runs). */
    public static Path localHome(Map<String, String> env) {
        String home = env.get("AIAAS_HOME");
        return Path.of(home == null || home.isBlank() ? ".aiaas" : home);
    }
}
