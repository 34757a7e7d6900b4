package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path root;

    @Test
    void aMissingJarFailsWithTheBuildCommand() throws Exception {
        Files.createDirectories(root.resolve("registry-service"));
        Files.writeString(root.resolve("registry-service/pom.xml"), "<project/>");
        StackOptions options = StackOptions.defaults(root).withServices(EnumSet.of(ServiceName.REGISTRY));

        assertThatThrownBy(() -> ServiceJars.locate(options))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("registry (not built:")
                .hasMessageContaining("build first: ./mvnw -DskipTests install");
    }

    @Test
    void skippingMissingJarsStartsWhatIsBuiltAndSaysWhy() throws Exception {
        Path jar = ServiceName.SERVING.jar(root);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        StackOptions options = StackOptions.defaults(root).withSkipMissingJars(true);

        ServiceJars jars = ServiceJars.locate(options);

        assertThat(jars.jars()).containsOnlyKeys(ServiceName.SERVING);
        assertThat(jars.skipped()).hasSize(5).anyMatch(s -> s.equals("ingest (no module ingest-service in this"
                + " checkout)"));
    }
}
