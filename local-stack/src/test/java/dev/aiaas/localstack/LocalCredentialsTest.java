package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.storage.KeyEncryptionKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

    @Test
    void aNewHomeGetsRandomCredentialsOnlyItsOwnerCanReadAndKeepsThem(@TempDir Path home) throws Exception {
        LocalCredentials first = LocalCredentials.loadOrCreate(home);
        LocalCredentials again = LocalCredentials.loadOrCreate(home);

        assertThat(first.file()).isEqualTo(home.resolve("credentials.properties"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
        assertThat(first.s3SecretKey()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo("aiaas-secret-key");
        assertThat(first.postgresPassword()).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+")
                .isNotEqualTo("postgres");
        assertThat(KeyEncryptionKeys.parse(first.storageKeys()).activeId()).startsWith("local-");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aHomeFromBeforeThePostgresPasswordAndTheStorageKeyGetsThemAndKeepsItsS3Keys(@TempDir Path home)
            throws Exception {
        Path file = home.resolve("credentials.properties");
        Files.writeString(file, "s3.access-key=aiaas-old\ns3.secret-key=an-old-secret-key-of-some-length\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        LocalCredentials upgraded = LocalCredentials.loadOrCreate(home);

        assertThat(upgraded.s3AccessKey()).isEqualTo("aiaas-old");
        assertThat(upgraded.postgresPassword()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(KeyEncryptionKeys.parse(upgraded.storageKeys()).ids()).hasSize(1);
        assertThat(LocalCredentials.loadOrCreate(home)).isEqualTo(upgraded);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void twoHomesNeverShareCredentials(@TempDir Path one, @TempDir Path other) {
        assertThat(LocalCredentials.loadOrCreate(one).s3SecretKey())
                .isNotEqualTo(LocalCredentials.loadOrCreate(other).s3SecretKey());
    }
}
