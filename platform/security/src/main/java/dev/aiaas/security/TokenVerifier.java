package dev.aiaas.security;

import io.grpc.Status;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens (signed JWTs, with SmallRye JWT): user tokens against the configured
 * issuer and public key or JWKS, so any OIDC provider can issue them, and service tokens
 * against the services' own issuer and key, which no user holds, so a user token cannot pass
 * for a service. The signature, issuer and expiry are checked; an unsigned token
 * ({@code alg: none}) is refused.
 *
 * <p>A user's roles come from the {@code groups} claim, one {@code project:role} entry per
 * project ({@code default:editor}); entries of another form are ignored.
 */
public final class TokenVerifier {

    private static final Pattern ISSUER = Pattern.compile("\"iss\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern GRANT = Pattern.compile("([a-z0-9][a-z0-9-]{0,62}):(viewer|editor|admin)");

    /** Tokens verified lately, at most this many: a client sends the same one on every call. */
    static final int REMEMBERED = 10_000;

    private final DefaultJWTParser users;
    private final DefaultJWTParser services;
    private final String serviceIssuer;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token that passed, and until when it may be taken without checking it again. */
    private record Verified(Caller caller, Instant expiresAt) {
    }

    public TokenVerifier(TokenKeys users, TokenKeys services) {
        this(users, services, Clock.systemUTC());
    }

    TokenVerifier(TokenKeys users, TokenKeys services, Clock clock) {
        this.users = parser(users);
        this.services = parser(services);
        this.serviceIssuer = services.issuer();
        this.clock = clock;
    }

    /**
     * The caller a token names. A token verified before is taken from memory until it expires
     * (the same bytes carry the same signature), so a client's token is checked once, not on
     * every call.
     *
     * @throws AccessDenied UNAUTHENTICATED, saying why the token is not accepted
     */
    public Caller verify(String token) throws AccessDenied {
        Verified known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known.caller();
        }
        verified.remove(token);
        return remember(token);
    }

    private Caller remember(String token) throws AccessDenied {
        ParsedToken parsed = parse(token);
        if (verified.size() >= REMEMBERED) {
            verified.clear(); // bounded: start afresh rather than track recency
        }
        verified.put(token, new Verified(parsed.caller(), parsed.expiresAt()));
        return parsed.caller();
    }

    /** How many verified tokens are remembered now. */
    int remembered() {
        return verified.size();
    }

    private record ParsedToken(Caller caller, Instant expiresAt) {
    }

    private ParsedToken parse(String token) throws AccessDenied {
        boolean service = serviceIssuer.equals(claimedIssuer(token));
        JsonWebToken jwt;
        try {
            jwt = (service ? services : users).parse(token);
        } catch (ParseException e) {
            throw new AccessDenied(Status.Code.UNAUTHENTICATED, "the bearer token is not accepted ("
                    + reason(e) + "): get a new one from your identity provider, or ./aiaas token for the local stack");
        }
        String subject = jwt.getName() == null ? "" : jwt.getName();
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (service) {
            return new ParsedToken(new Caller(subject, true, Map.of()), expiresAt);
        }
        Map<String, Role> grants = new HashMap<>();
        for (String group : jwt.getGroups()) {
            Matcher grant = GRANT.matcher(group);
            if (grant.matches()) {
                grants.merge(grant.group(1), Role.valueOf(grant.group(2).toUpperCase(Locale.ROOT)), Role::atLeast);
            }
        }
        return new ParsedToken(new Caller(subject, false, grants), expiresAt);
    }

    /** The {@code iss} the token claims, read without trusting it: it only picks the key to verify with. */
    private static String claimedIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2) {
            return "";
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher issuer = ISSUER.matcher(payload);
            return issuer.find() ? issuer.group(1) : "";
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static String reason(ParseException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        int cut = message == null ? -1 : message.indexOf(". Additional details");
        return message == null ? "unreadable" : cut > 0 ? message.substring(0, cut) : message;
    }

    private static DefaultJWTParser parser(TokenKeys keys) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKeyLocation(), keys.issuer());
        return new DefaultJWTParser(context);
    }
}
