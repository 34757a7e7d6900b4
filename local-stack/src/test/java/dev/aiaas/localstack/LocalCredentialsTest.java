package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(again).isEqualTo(first);
    }

    @Test
    void twoHomesNeverShareCredentials(@TempDir Path one, @TempDir Path other) {
        assertThat(LocalCredentials.loadOrCreate(one).s3SecretKey())
                .isNotEqualTo(LocalCredentials.loadOrCreate(other).s3SecretKey());
    }
}
