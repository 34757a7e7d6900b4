package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.security.Caller;
import dev.aiaas.security.LocalKeys;
import dev.aiaas.security.Role;
import dev.aiaas.security.ServiceTokens;
import dev.aiaas.security.TokenKeys;
import dev.aiaas.security.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aMintedTokenGrantsTheRoleInTheProjectAndTheStackVerifiesIt() throws Exception {
        LocalKeys keys = LocalKeys.in(home).ensure();

        int exit = run("--project", "default", "--role", "editor", "--subject", "ana");

        assertThat(exit).isZero();
        TokenVerifier verifier = new TokenVerifier(new TokenKeys(LocalKeys.ISSUER, keys.userPublicKey().toString()),
                new TokenKeys(ServiceTokens.ISSUER, keys.servicePublicKey().toString()));
        Caller caller = verifier.verify(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(caller.subject()).isEqualTo("ana");
        assertThat(caller.service()).isFalse();
        assertThat(caller.grants()).containsExactly(Map.entry("default", Role.EDITOR));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.userPrivateKey())))
                .isEqualTo("rw-------");
    }

    @Test
    void aTokenSignedWithAnotherKeyAndIssuerIsVerifiedByThatKeyOnly() throws Exception {
        java.security.KeyPair trial = dev.aiaas.security.PemKeys.generateRsa();
        Path key = Files.writeString(home.resolve("token-private.pem"),
                dev.aiaas.security.PemKeys.privatePem(trial.getPrivate()));
        Path publicKey = Files.writeString(home.resolve("token-public.pem"),
                dev.aiaas.security.PemKeys.publicPem(trial.getPublic()));

        int exit = run("--project", "acme", "--role", "admin", "--subject", "ops", "--signing-key", key.toString(),
                "--issuer", "aiaas-trial");

        assertThat(exit).isZero();
        Caller caller = new TokenVerifier(new TokenKeys("aiaas-trial", publicKey.toString()),
                new TokenKeys(ServiceTokens.ISSUER, publicKey.toString())).verify(out.toString(StandardCharsets.UTF_8)
                .strip());
        assertThat(caller.subject()).isEqualTo("ops");
        assertThat(caller.grants()).containsExactly(Map.entry("acme", Role.ADMIN));
    }

    @Test
    void wrongArgumentsSayWhatToWriteAndAStackThatNeverRanSaysToStartIt() {
        assertThat(run("--project", "default", "--role", "owner")).isEqualTo(2);
        assertThat(run("--project", "default")).isEqualTo(2);
        assertThat(run("--project", "default", "--role", "viewer", "--lifetime", "8 hours")).isEqualTo(2);
        assertThat(run("--project", "default", "--role", "viewer")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("viewer, editor or admin")
                .contains("--project default --role editor").contains("PT8H").contains("./aiaas up");
    }

    private int run(String... args) {
        return TokenCommand.run(args, Map.of("AIAAS_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
