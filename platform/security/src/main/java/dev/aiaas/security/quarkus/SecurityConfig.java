package dev.aiaas.security.quarkus;

import dev.aiaas.security.ServiceTokens;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Who may call a service: {@code aiaas.security.*}. The issuer and public keys have no
 * defaults: when one is missing, configuration validation stops the service at start-up,
 * naming the variable, before it connects anywhere.
 */
@ConfigMapping(prefix = "aiaas.security")
public interface SecurityConfig {

    /** Off only for a module's own tests; the local stack and every installation keep it on. */
    @WithDefault("true")
    boolean enabled();

    Users users();

    Services services();

    /** User tokens, from the local stack's key or an OIDC provider. */
    interface Users {
        /** {@code AIAAS_TOKEN_ISSUER}: the {@code iss} user tokens carry. */
        String issuer();

        /** {@code AIAAS_TOKEN_PUBLIC_KEY}: a PEM public key or JWKS, a file or an http(s) URL. */
        String publicKey();
    }

    /** Service tokens, which the services mint for each other. */
    interface Services {
        @WithDefault(ServiceTokens.ISSUER)
        String issuer();

        /** {@code AIAAS_SERVICE_PUBLIC_KEY}: verifies service tokens (PEM file). */
        String publicKey();

        /** {@code AIAAS_SERVICE_PRIVATE_KEY}: signs this service's tokens (PKCS#8 PEM file). */
        Optional<String> privateKey();

        @WithDefault("PT10M")
        Duration tokenLifetime();
    }
}
