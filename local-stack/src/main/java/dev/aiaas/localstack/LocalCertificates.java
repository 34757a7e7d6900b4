package dev.aiaas.localstack;

import dev.aiaas.security.ClientTransport;
import dev.aiaas.security.OwnerOnlyFiles;
import dev.aiaas.security.PemKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The TLS material of one local stack under {@code <home>/tls}: a CA generated on its first
 * start (ten years) and a certificate for the services that it signs (one year, for {@code
 * localhost}, the loopback addresses and the host they bind to). The private keys are readable by
 * their owner only. A certificate that expires within 30 days or does not name a host the
 * services are reached on is replaced on the next start; the CA stays, so clients keep trusting.
 *
 * @param dir where the files are
 */
record LocalCertificates(Path dir) {

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalCertificates in(Path home) {
        return new LocalCertificates(ClientTransport.localCa(home).getParent());
    }

    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    Path caKey() {
        return dir.resolve("ca.key");
    }

    Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    Path serverKey() {
        return dir.resolve("server.key");
    }

    /**
     * Generates the CA if it is missing, and the services' certificate if it is missing, about
     * to expire, or does not name every one of {@code hosts}.
     */
    LocalCertificates ensure(Set<String> hosts) {
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(caCertificate()) || !Files.isRegularFile(caKey())) {
                createCa();
                Files.deleteIfExists(serverCertificate());
            }
            if (!serverCertificateCovers(hosts)) {
                createServerCertificate(hosts);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the stack's TLS certificates in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the stack's TLS certificates in " + dir + ": " + e, e);
        }
    }

    /** The names the services' certificate is valid for: always localhost and loopback, and {@code bindHost}. */
    static Set<String> hostsFor(String bindHost) {
        SortedSet<String> hosts = new TreeSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (bindHost != null && !bindHost.isBlank() && !bindHost.equals("0.0.0.0")) {
            hosts.add(bindHost.strip());
        }
        if ("0.0.0.0".equals(bindHost)) {
            try {
                hosts.add(InetAddress.getLocalHost().getHostName());
            } catch (UnknownHostException e) {
                // localhost and loopback still work
            }
        }
        return hosts;
    }

    private void createCa() throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair pair = PemKeys.generateEc();
        X500Name name = new X500Name("CN=aiaas local CA " + Instant.now().toString().substring(0, 10)
                + ",O=aiaas local stack");
        X509v3CertificateBuilder builder = builder(name, name, pair.getPublic(), CA_LIFETIME);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate ca = sign(builder, pair.getPrivate());
        OwnerOnlyFiles.write(caKey(), PemKeys.privatePem(pair.getPrivate()));
        Files.writeString(caCertificate(), PemKeys.certificatePem(ca));
    }

    private void createServerCertificate(Set<String> hosts)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X509Certificate ca = PemKeys.readCertificate(caCertificate());
        PrivateKey caKey = PemKeys.readEcPrivate(caKey());
        KeyPair pair = PemKeys.generateEc();
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=aiaas services,O=aiaas local stack"), pair.getPublic(), SERVER_LIFETIME);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts.stream()
                .map(host -> new GeneralName(isAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host))
                .toArray(GeneralName[]::new)));
        X509Certificate server = sign(builder, caKey);
        OwnerOnlyFiles.write(serverKey(), PemKeys.privatePem(pair.getPrivate()));
        Files.writeString(serverCertificate(), PemKeys.certificatePem(server));
    }

    private boolean serverCertificateCovers(Set<String> hosts) throws CertificateParsingException {
        if (!Files.isRegularFile(serverCertificate()) || !Files.isRegularFile(serverKey())) {
            return false;
        }
        X509Certificate server = PemKeys.readCertificate(serverCertificate());
        if (server.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            return false;
        }
        Set<String> named = new HashSet<>();
        Collection<List<?>> alternatives = server.getSubjectAlternativeNames();
        if (alternatives != null) {
            alternatives.forEach(entry -> named.add(String.valueOf(entry.get(1))));
        }
        return hosts.stream().allMatch(host -> named.contains(host) || named.contains(expandIpv6(host)));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
            Duration lifetime) throws CertIOException, GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(lifetime)), subject, key);
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
        return builder;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** How the JDK prints an IPv6 address from a certificate ({@code ::1} as {@code 0:0:0:0:0:0:0:1}). */
    private static String expandIpv6(String host) {
        if (!host.contains(":")) {
            return host;
        }
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
