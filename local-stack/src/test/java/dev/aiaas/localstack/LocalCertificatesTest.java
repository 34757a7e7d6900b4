package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.security.PemKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificatesTest {

    @Test
    void aNewHomeGetsACaAndAServerCertificateItSignsForLocalhostWithOwnerOnlyKeys(@TempDir Path home)
            throws Exception {
        LocalCertificates certificates = LocalCertificates.in(home).ensure(LocalCertificates.hostsFor(""));

        X509Certificate ca = PemKeys.readCertificate(certificates.caCertificate());
        X509Certificate server = PemKeys.readCertificate(certificates.serverCertificate());
        server.verify(ca.getPublicKey());
        server.checkValidity();
        assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(server.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1"); // serverAuth
        for (Path key : List.of(certificates.caKey(), certificates.serverKey())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        assertThat(certificates.dir()).isEqualTo(home.resolve("tls"));
    }

    @Test
    void anotherStartKeepsBothAndANewBindHostGetsANewServerCertificateFromTheSameCa(@TempDir Path home)
            throws Exception {
        LocalCertificates certificates = LocalCertificates.in(home).ensure(LocalCertificates.hostsFor(""));
        String ca = Files.readString(certificates.caCertificate());
        String server = Files.readString(certificates.serverCertificate());

        certificates.ensure(LocalCertificates.hostsFor(""));
        assertThat(Files.readString(certificates.caCertificate())).isEqualTo(ca);
        assertThat(Files.readString(certificates.serverCertificate())).isEqualTo(server);

        certificates.ensure(LocalCertificates.hostsFor("10.1.2.3"));
        assertThat(Files.readString(certificates.caCertificate())).isEqualTo(ca);
        X509Certificate renewed = PemKeys.readCertificate(certificates.serverCertificate());
        renewed.verify(PemKeys.readCertificate(certificates.caCertificate()).getPublicKey());
        assertThat(renewed.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .contains("10.1.2.3", "localhost");
    }

    @Test
    void everyBindHostIsNamedButTheWildcardAddressIsNot() {
        assertThat(LocalCertificates.hostsFor("aiaas.example.org")).contains("aiaas.example.org", "localhost");
        assertThat(LocalCertificates.hostsFor("0.0.0.0")).doesNotContain("0.0.0.0").contains("127.0.0.1");
        assertThat(LocalCertificates.hostsFor(null)).isEqualTo(Set.of("localhost", "127.0.0.1", "::1"));
    }
}
