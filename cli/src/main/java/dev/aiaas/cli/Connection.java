package dev.aiaas.cli;

import dev.aiaas.errors.Projects;
import dev.aiaas.security.ClientTransport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom the command line calls: the addresses and TLS of the local stack's
 * {@code stack.json} when it exists (unless {@code --host} names another host), else the
 * environment's ({@code AIAAS_HOST}, {@code AIAAS_<SERVICE>_PORT}); {@code AIAAS_TLS} and
 * {@code AIAAS_CA_CERT} win over the file; the token and the project from the options, else the
 * environment.
 *
 * @param project empty when neither {@code --project} nor {@code AIAAS_PROJECT} names one (the
 *                services then take the token's only project)
 */
public record Connection(Addresses addresses, ClientTransport transport, String token, Optional<String> project) {

    public static final String PROJECT_VARIABLE = "AIAAS_PROJECT";

    /** Resolves the connection from the global options (each may be null) and the environment. */
    public static Connection resolve(Map<String, String> env, String host, String token, String project) {
        Path home = BearerToken.localHome(env);
        Optional<StackJson> stack = host == null ? StackJson.in(home) : Optional.empty();
        Addresses addresses = stack.map(StackJson::addresses).orElseGet(() -> Addresses.from(withHost(env, host)));
        boolean transportFromEnv = env.containsKey(ClientTransport.TLS_VARIABLE)
                || env.containsKey(ClientTransport.CA_VARIABLE);
        ClientTransport transport = stack.filter(s -> !transportFromEnv).map(StackJson::transport)
                .orElseGet(() -> ClientTransport.fromEnvironment(env, home));
        Optional<String> named = firstOf(project, env.get(PROJECT_VARIABLE));
        String bearer = firstOf(token, null).orElseGet(() -> BearerToken.from(env, named.orElse(Projects.DEFAULT)));
        return new Connection(addresses, transport, bearer, named);
    }

    public Services open() {
        return Services.connect(addresses, transport, token, project.orElse(null));
    }

    private static Map<String, String> withHost(Map<String, String> env, String host) {
        if (host == null) {
            return env;
        }
        Map<String, String> changed = new HashMap<>(env);
        changed.put("AIAAS_HOST", host);
        return changed;
    }

    private static Optional<String> firstOf(String given, String fallback) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        return fallback == null || fallback.isBlank() ? Optional.empty() : Optional.of(fallback.strip());
    }
}
