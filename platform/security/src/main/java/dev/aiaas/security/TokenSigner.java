package dev.aiaas.security;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs a token (RS256 JWT) the way {@link TokenVerifier} reads it: issuer, subject (also as
 * {@code upn}), the {@code groups} that carry roles, issue and expiry times and an id. Plain
 * jose4j, the library under SmallRye JWT, so the command line and the local stack need no
 * MicroProfile Config to mint one.
 */
public final class TokenSigner {

    private TokenSigner() {
    }

    public static String sign(PrivateKey key, String issuer, String subject, List<String> groups, Instant issuedAt,
            Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        if (!groups.isEmpty()) {
            claims.setStringListClaim("groups", groups);
        }
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token with the given key: " + e.getMessage(), e);
        }
    }
}
