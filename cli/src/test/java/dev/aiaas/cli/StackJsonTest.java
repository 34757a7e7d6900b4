package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.security.ClientTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackJsonTest {

    @TempDir
    Path home;

    /** What the launcher writes (local-stack's StackFile.Contents), with free ports and TLS. */
    private String launcherFile(String caCertificate) {
        return """
                {
                  "launcherPid" : 4242,
                  "launcherStarted" : "2026-12-02T04:39:00Z",
                  "home" : "%s",
                  "readySeconds" : 31.5,
                  "servers" : [ { "name" : "kafka", "address" : "localhost:40001", "protocol" : "kafka" } ],
                  "services" : [
                    { "name" : "ingest", "pid" : 1, "started" : null, "host" : "localhost", "port" : 41081,
                      "log" : "/x/ingest.log", "restarts" : 0, "managementPort" : 42181 },
                    { "name" : "preprocess", "pid" : 2, "host" : "localhost", "port" : 41082 },
                    { "name" : "training", "pid" : 3, "host" : "localhost", "port" : 41083 },
                    { "name" : "registry", "pid" : 4, "host" : "localhost", "port" : 41084 },
                    { "name" : "serving", "pid" : 5, "host" : "localhost", "port" : 41085 }
                  ],
                  "helpers" : [ ],
                  "caCertificate" : %s
                }
                """.formatted(home, caCertificate == null ? "null" : "\"" + caCertificate + "\"");
    }

    @Test
    void addressesAndTheCaComeFromTheFileTheLauncherWrites() throws Exception {
        Files.writeString(home.resolve("stack.json"), launcherFile(home.resolve("tls/ca.crt").toString()));

        StackJson stack = StackJson.in(home).orElseThrow();

        assertThat(stack.addresses()).isEqualTo(new Addresses("localhost", 41081, 41082, 41083, 41084, 41085, 18086));
        assertThat(stack.transport()).isEqualTo(ClientTransport.trusting(home.resolve("tls/ca.crt")));
    }

    @Test
    void aStackWithoutTlsIsCalledInPlainTextAndNoFileMeansNoStack() throws Exception {
        assertThat(StackJson.in(home)).isEmpty();

        Files.writeString(home.resolve("stack.json"), launcherFile(null));

        assertThat(StackJson.in(home).orElseThrow().transport().tls()).isFalse();
    }

    @Test
    void theConnectionUsesTheFileUnlessHostIsGivenAndTheEnvironmentDecidesTls() throws Exception {
        Files.writeString(home.resolve("stack.json"), launcherFile(null));
        Map<String, String> env = Map.of("AIAAS_HOME", home.toString(), "AIAAS_PROJECT", "acme");

        Connection fromFile = Connection.resolve(env, null, "t0ken", null);
        Connection elsewhere = Connection.resolve(Map.of("AIAAS_HOME", home.toString(), "AIAAS_TLS", "off",
                "AIAAS_SERVING_PORT", "9000"), "models.example", "t0ken", "beta");

        assertThat(fromFile.addresses().ingest()).isEqualTo(41081);
        assertThat(fromFile.transport().tls()).isFalse();
        assertThat(fromFile.project()).isEqualTo(Optional.of("acme"));
        assertThat(fromFile.token()).isEqualTo("t0ken");
        assertThat(elsewhere.addresses().host()).isEqualTo("models.example");
        assertThat(elsewhere.addresses().serving()).isEqualTo(9000);
        assertThat(elsewhere.addresses().ingest()).isEqualTo(18081);
        assertThat(elsewhere.project()).isEqualTo(Optional.of("beta"));
    }

    @Test
    void aFileThatCannotBeReadSaysWhatToDo() throws Exception {
        Files.writeString(home.resolve("stack.json"), "{ not json");

        assertThatThrownBy(() -> StackJson.in(home)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stack.json cannot be read").hasMessageContaining("./aiaas status");
    }
}
