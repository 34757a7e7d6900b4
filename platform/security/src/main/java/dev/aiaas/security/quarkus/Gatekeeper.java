package dev.aiaas.security.quarkus;

import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.security.AccessDenied;
import dev.aiaas.security.AccessGate;
import dev.aiaas.security.Admission;
import dev.aiaas.security.PemKeys;
import dev.aiaas.security.ServiceTokens;
import dev.aiaas.security.TokenKeys;
import dev.aiaas.security.TokenVerifier;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's {@link AccessGate} and its own service token, built from
 * {@link SecurityConfig} at start-up (an unreadable key stops it there); the gate counts the
 * roles the platform keeps ({@link StoredGrants}) besides those tokens carry.
 */
@Startup
@ApplicationScoped
public class Gatekeeper {

    @Inject
    SecurityConfig config;

    @Inject
    StoredGrants grants;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private AccessGate gate;
    private ServiceTokens tokens;

    @PostConstruct
    void build() {
        if (!config.enabled()) {
            return;
        }
        SecurityConfig.Services services = config.services();
        gate = new AccessGate(new TokenVerifier(new TokenKeys(config.users().issuer(), config.users().publicKey()),
                new TokenKeys(services.issuer(), services.publicKey())), grants.directory());
        tokens = services.privateKey().map(key -> new ServiceTokens(service, services.issuer(),
                PemKeys.readPrivate(Path.of(key)), services.tokenLifetime(), Clock.systemUTC())).orElse(null);
    }

    /**
     * The caller, allowed to do what {@code access} needs, and the project; empty when security is off.
     *
     * @throws AccessDenied saying why not
     */
    public Optional<Admission> admit(String authorization, String project, Access access, String method)
            throws AccessDenied {
        return gate == null ? Optional.empty() : Optional.of(gate.admit(authorization, project, access, method));
    }

    /** The token this service presents to others; empty when security is off or it has no private key. */
    public Optional<String> serviceToken() {
        return tokens == null ? Optional.empty() : Optional.of(tokens.current());
    }
}
