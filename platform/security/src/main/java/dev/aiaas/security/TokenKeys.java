package dev.aiaas.security;

/**
 * Where tokens of one kind come from: the issuer they must name and the public key that
 * verifies their signature.
 *
 * @param issuer            the {@code iss} a token must carry
 * @param publicKeyLocation a PEM public key or a JWKS: a file path, or an http(s) URL such as an
 *                          OIDC provider's {@code jwks_uri}
 */
public record TokenKeys(String issuer, String publicKeyLocation) {
}
