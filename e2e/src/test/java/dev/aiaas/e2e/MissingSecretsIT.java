package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.localstack.ServiceName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Outside the local stack and the tests no credential has a default: a service jar started
 * without its object-store or database credentials, its storage encryption keys or its token keys stops at once, saying which variable is
 * missing, before it connects anywhere.
 */
class MissingSecretsIT {

    @ParameterizedTest
    @CsvSource({
        "PREPROCESS, AIAAS_STORAGE_ACCESS_KEY",
        "PREPROCESS, AIAAS_STORAGE_SECRET_KEY",
        "REGISTRY, QUARKUS_DATASOURCE_PASSWORD",
        "REGISTRY, AIAAS_STORAGE_SECRET_KEY",
        "TRAINING, QUARKUS_DATASOURCE_PASSWORD",
        "TRAINING, AIAAS_STORAGE_SECRET_KEY",
        "INGEST, AIAAS_STORAGE_ENCRYPTION_KEYS",
        "SERVING, AIAAS_STORAGE_ENCRYPTION_KEYS",
        "REGISTRY, AIAAS_TOKEN_PUBLIC_KEY",
        "SERVING, AIAAS_TOKEN_ISSUER",
        "MONITORING, AIAAS_SERVICE_PUBLIC_KEY"})
    void aServiceStartedWithoutACredentialStopsNamingTheVariable(ServiceName service, String variable)
            throws IOException, InterruptedException {
        Path jar = service.jar(ServicesUnderTest.repositoryRoot());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("AIAAS_"));
        env.put("QUARKUS_HTTP_PORT", "0");
        Process process = builder.start();

        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as(service + " stopped by itself\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("Configuration validation failed").contains(variable);
    }
}
