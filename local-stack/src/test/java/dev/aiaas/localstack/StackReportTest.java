package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StackReportTest {

    private static StackFile.Contents contents(int services) {
        List<StackFile.Service> all = List.of(ServiceName.values()).subList(0, services).stream()
                .map(s -> new StackFile.Service(s.id(), 100 + s.ordinal(), null, "localhost", s.defaultPort(),
                        "/x/" + s.id() + ".log", s == ServiceName.SERVING ? 2 : 0, s.defaultPort() + 100))
                .toList();
        return new StackFile.Contents(1, null, "/x", 38.24, List.of(
                new StackFile.Server("postgres", "127.0.0.1:15432", "postgresql"),
                new StackFile.Server("s3", "http://127.0.0.1:19000", "s3 (http)")), all, List.of(), "/x/tls/ca.crt");
    }

    @Test
    void theTableHasOneAlignedRowPerServerAndService() {
        String[] lines = StackReport.ready(contents(6), List.of()).split("\\R");

        assertThat(lines[0]).matches("service +address +protocol +state +restarts");
        assertThat(lines[1]).matches("postgres +127\\.0\\.0\\.1:15432 +postgresql +ready +-");
        assertThat(lines[6]).matches("registry +localhost:18084 +grpc \\+ https \\(TLS\\), health :18184 +SERVING +0");
        assertThat(lines[1].indexOf("127.0.0.1")).isEqualTo(lines[6].indexOf("localhost"));
        assertThat(lines[lines.length - 1]).isEqualTo("all six services SERVING in 38.2 s");
    }

    @Test
    void theStatusTableCountsTheRestartsOfEachService() {
        String table = StackReport.table(contents(6), server -> "ready", service -> "SERVING");

        assertThat(table).containsPattern("serving +localhost:18085 +grpc \\+ https \\(TLS\\), health :18185 +SERVING +2\\R")
                .containsPattern("monitoring +localhost:18086 +grpc \\+ https \\(TLS\\), health :18186 +SERVING +0\\R");
    }

    @Test
    void aPartialStackSaysWhatWasLeftOut() {
        String report = StackReport.ready(contents(2), List.of("training (not built)"));

        assertThat(report).contains("two services SERVING in 38.2 s").contains("left out: training (not built)");
    }
}
