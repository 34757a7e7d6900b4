package dev.aiaas.security;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints the token a service presents when it calls another: subject its name, signed with the
 * services' private key, short-lived, renewed when half its life has passed.
 */
public final class ServiceTokens {

    /** The {@code iss} of service tokens, unless an installation names another. */
    public static final String ISSUER = "aiaas-services";

    private final String service;
    private final String issuer;
    private final PrivateKey key;
    private final Duration lifetime;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceTokens(String service, String issuer, PrivateKey key, Duration lifetime, Clock clock) {
        this.service = service;
        this.issuer = issuer;
        this.key = key;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            token = TokenSigner.sign(key, issuer, service, List.of(), now, now.plus(lifetime));
            renewAt = now.plus(lifetime.dividedBy(2));
        }
        return token;
    }
}
