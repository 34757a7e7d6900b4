package dev.aiaas.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.List;

/**
 * The token keys of one local stack, generated on its first start under
 * {@code <home>/keys} (private keys readable by their owner only): one pair signs the user
 * tokens {@code ./aiaas token} mints, the other the tokens the services present to each other.
 * An installation brings its own instead (an OIDC provider's JWKS for users).
 */
public record LocalKeys(Path dir) {

    /** The {@code iss} of the user tokens the local stack mints. */
    public static final String ISSUER = "aiaas-local";

    public static LocalKeys in(Path home) {
        return new LocalKeys(home.resolve("keys"));
    }

    public Path userPrivateKey() {
        return dir.resolve("token-signing.pem");
    }

    public Path userPublicKey() {
        return dir.resolve("token-public.pem");
    }

    public Path servicePrivateKey() {
        return dir.resolve("service-signing.pem");
    }

    public Path servicePublicKey() {
        return dir.resolve("service-public.pem");
    }

    /** Generates whichever pair is missing; keeps those that exist. */
    public LocalKeys ensure() {
        try {
            Files.createDirectories(dir);
            generateIfMissing(userPrivateKey(), userPublicKey());
            generateIfMissing(servicePrivateKey(), servicePublicKey());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local stack's token keys in " + dir, e);
        }
    }

    /**
     * A user token for the local stack: {@code subject} holds {@code role} in {@code project}.
     *
     * @throws IllegalStateException when the stack has not generated its keys (it never started here)
     */
    public String mint(String subject, String project, Role role, Duration lifetime) {
        if (!Files.isRegularFile(userPrivateKey())) {
            throw new IllegalStateException("no token-signing key in " + dir + ": start the stack once with ./aiaas up");
        }
        Instant now = Instant.now();
        return TokenSigner.sign(PemKeys.readPrivate(userPrivateKey()), ISSUER, subject,
                List.of(project + ":" + role.name().toLowerCase(Locale.ROOT)), now, now.plus(lifetime));
    }

    private static void generateIfMissing(Path privateKey, Path publicKey) throws IOException {
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        KeyPair pair = PemKeys.generateRsa();
        if (OwnerOnlyFiles.write(privateKey, PemKeys.privatePem(pair.getPrivate()))) {
            Files.writeString(publicKey, PemKeys.publicPem(pair.getPublic()));
        }
    }
}
