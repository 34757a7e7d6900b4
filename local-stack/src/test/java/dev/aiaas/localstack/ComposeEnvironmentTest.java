package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aiaas compose-env} writes every secret docker-compose.yml requires, owner-only, with
 * the token keys, and a second run keeps what the first wrote.
 */
class ComposeEnvironmentTest {

    @TempDir
    Path root;

    @Test
    void writesEverySecretTheComposeFileRequiresAndKeepsThemOnASecondRun() throws Exception {
        ComposeEnvironment compose = new ComposeEnvironment(root);

        assertThat(compose.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        String first = Files.readString(compose.envFile());
        compose.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        for (String name : requiredByTheComposeFile()) {
            assertThat(first).as(name).containsPattern("(?m)^" + name + "=\\S+$");
        }
        assertThat(Files.readString(compose.envFile())).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(compose.envFile())))
                .isEqualTo("rw-------");
        assertThat(compose.keys().userPrivateKey()).isRegularFile();
        assertThat(compose.keys().servicePublicKey()).isRegularFile();
    }

    @Test
    void aValueTheOperatorSetIsKeptAndOnlyTheMissingOnesAreAdded() throws Exception {
        Files.writeString(root.resolve(".env"), "AIAAS_DATABASE_PASSWORD=chosen-by-me\n");

        new ComposeEnvironment(root).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String env = Files.readString(root.resolve(".env"));
        assertThat(env).contains("AIAAS_DATABASE_PASSWORD=chosen-by-me\n").contains("AIAAS_STORAGE_SECRET_KEY=");
        assertThat(env.lines().filter(l -> l.startsWith("AIAAS_DATABASE_PASSWORD=")).count()).isEqualTo(1);
    }

    private static Set<String> requiredByTheComposeFile() throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?").matcher(
                Files.readString(Path.of("..", "docker-compose.yml")));
        while (required.find()) {
            names.add(required.group(1));
        }
        assertThat(names).isNotEmpty();
        return names;
    }
}
