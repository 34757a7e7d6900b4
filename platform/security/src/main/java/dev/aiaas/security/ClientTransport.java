package dev.aiaas.security;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a client outside the services reaches them (the command line, the launcher's health
 * checks, tests and benchmarks): over TLS, verifying the services' certificate against a CA, or
 * in plain text where the installation runs without TLS.
 *
 * @param trustedCa the PEM certificate of the CA that signed the services' certificates; empty for plain text
 */
public record ClientTransport(Optional<Path> trustedCa) {

    /** {@code off} runs the local stack, and its clients, without TLS. */
    public static final String TLS_VARIABLE = "AIAAS_TLS";
    /** The CA to trust, for an installation whose CA is not the local stack's. */
    public static final String CA_VARIABLE = "AIAAS_CA_CERT";

    public static ClientTransport plaintext() {
        return new ClientTransport(Optional.empty());
    }

    public static ClientTransport trusting(Path caCertificate) {
        return new ClientTransport(Optional.of(caCertificate));
    }

    /** Where the local stack in {@code home} keeps the CA certificate it generated. */
    public static Path localCa(Path home) {
        return home.resolve("tls").resolve("ca.crt");
    }

    /** Whether {@code env} turns TLS off ({@value #TLS_VARIABLE}{@code =off}). */
    public static boolean tlsOff(Map<String, String> env) {
        return "off".equalsIgnoreCase(env.getOrDefault(TLS_VARIABLE, "").strip());
    }

    /**
     * The transport {@code env} asks for: plain text when {@value #TLS_VARIABLE} is {@code off};
     * else TLS trusting {@value #CA_VARIABLE}, or the CA of the local stack in {@code home}.
     *
     * @throws IllegalStateException when TLS is on and no CA certificate is found
     */
    public static ClientTransport fromEnvironment(Map<String, String> env, Path home) {
        if (tlsOff(env)) {
            return plaintext();
        }
        String given = env.get(CA_VARIABLE);
        Path ca = given == null || given.isBlank() ? localCa(home) : Path.of(given.strip());
        if (!Files.isRegularFile(ca)) {
            throw new IllegalStateException("no CA certificate at " + ca + " to verify the services with: start the "
                    + "stack once with ./aiaas up, set " + CA_VARIABLE + " to your installation's CA, or set "
                    + TLS_VARIABLE + "=off for one that runs without TLS");
        }
        return trusting(ca);
    }

    public boolean tls() {
        return trustedCa.isPresent();
    }

    /** For gRPC channels: {@code Grpc.newChannelBuilderForAddress(host, port, credentials())}. */
    public ChannelCredentials channelCredentials() {
        if (trustedCa.isEmpty()) {
            return InsecureChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().trustManager(trustedCa.get().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + trustedCa.get(), e);
        }
    }

    /** {@code https} or {@code http}, for the services' REST routes. */
    public String httpScheme() {
        return tls() ? "https" : "http";
    }

    /** For HTTP clients: trusts the CA only (the JDK's default when plain text). */
    public SSLContext sslContext() {
        try {
            if (trustedCa.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("aiaas-ca", PemKeys.readCertificate(trustedCa.get()));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context trusting " + trustedCa.get() + ": " + e, e);
        }
    }
}
