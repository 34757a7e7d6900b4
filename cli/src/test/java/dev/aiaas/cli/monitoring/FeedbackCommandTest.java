package dev.aiaas.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.GroundTruthRefusal;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiaas feedback} against a stand-in of monitoring: what it sends, prints and exits with. */
class FeedbackCommandTest {

    @TempDir
    Path home;

    private final MonitoringStandIn monitoring = new MonitoringStandIn();
    private StandInStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = new StandInStack(home, monitoring);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void oneRequestsLabelsGoInRowOrderAndAllAcceptedIsExitCode0() {
        int exit = stack.run("feedback", "penguins", "--request-id", "r1", "--label", "Adelie", "--label", "Gentoo");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.batches).containsExactly(RecordGroundTruthRequest.newBuilder()
                .addGroundTruth(GroundTruth.newBuilder().setEndpoint("penguins").setRequestId("r1")
                        .addLabels("Adelie").addLabels("Gentoo"))
                .build());
        assertThat(stack.out()).contains("accepted:  1").contains("refused:   0");
    }

    @Test
    void oneRequestsValuesMayBeRepeatedOrSeparatedWithCommas() {
        int exit = stack.run("feedback", "weather", "--request-id", "r2", "--value", "6.0,6.5", "--value", "7");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(monitoring.batches.get(0).getGroundTruth(0).getValuesList()).containsExactly(6.0, 6.5, 7.0);
    }

    @Test
    void aFileGoesInBatchesOfAtMost500AndEveryRefusalIsPrintedWithItsLineAndExitCode7() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1203; i++) {
            lines.append(i % 2 == 0 ? "{\"request_id\": \"r" + i + "\", \"labels\": [\"Adelie\"]}"
                    : "{\"request_id\": \"r" + i + "\", \"labels\": [\"Gentoo\", \"Adelie\"]}").append('\n');
            if (i == 3) {
                lines.append('\n');
            }
        }
        Path file = Files.writeString(home.resolve("truth.jsonl"), lines);
        monitoring.duplicates = Set.of("r2", "r1001");

        int exit = stack.run("feedback", "penguins", "--file", file.toString());

        assertThat(exit).isEqualTo(7);
        assertThat(monitoring.batches).extracting(RecordGroundTruthRequest::getGroundTruthCount)
                .containsExactly(500, 500, 203);
        assertThat(monitoring.batches.get(0).getGroundTruth(0)).isEqualTo(GroundTruth.newBuilder()
                .setEndpoint("penguins").setRequestId("r1").addLabels("Gentoo").addLabels("Adelie").build());
        assertThat(stack.out()).contains("accepted:  1201").contains("refused:   2")
                .containsPattern("(?m)^2 +r2 +DUPLICATE +request r2 already has other ground truth$")
                .containsPattern("(?m)^1002 +r1001 +DUPLICATE +request r1001 already has other ground truth$");
        assertThat(stack.err()).contains("sent 1203 of 1203").contains("aiaas: 2 of 1203 ground truths were refused");
    }

    @Test
    void jsonOutputIsOneAnswerWhoseRefusalsIndexTheWholeFile() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            lines.append("{\"request_id\": \"r").append(i).append("\", \"values\": [1.5, 2]}\n");
        }
        Path file = Files.writeString(home.resolve("truth.jsonl"), lines);
        monitoring.duplicates = Set.of("r550");

        int exit = stack.run("feedback", "weather", "--file", file.toString(), "--output", "json");

        assertThat(exit).isEqualTo(7);
        RecordGroundTruthResponse.Builder printed = RecordGroundTruthResponse.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.getAccepted()).isEqualTo(599);
        assertThat(printed.getRefusedList()).singleElement().satisfies(refused -> {
            assertThat(refused.getIndex()).isEqualTo(550);
            assertThat(refused.getRefusal()).isEqualTo(GroundTruthRefusal.DUPLICATE);
        });
    }

    @Test
    void aBadLineIsAUsageErrorNamingItAndNothingIsSent() throws Exception {
        for (String bad : List.of("{\"request_id\": \"r3\"}", "{\"request_id\": \"r3\", \"label\": [\"a\"]}",
                "{\"request_id\": \"r3\", \"labels\": [\"a\"], \"values\": [1]}", "{\"labels\": [\"a\"]}",
                "{\"request_id\": \"r3\", \"values\": [\"high\"]}", "not json")) {
            Path file = Files.writeString(home.resolve("truth.jsonl"), "{\"request_id\": \"r1\", \"labels\": [\"a\"]}\n"
                    + "{\"request_id\": \"r2\", \"labels\": [\"b\"]}\n" + bad + "\n");
            stack.forgetOutput();

            int exit = stack.run("feedback", "penguins", "--file", file.toString());

            assertThat(exit).as(bad).isEqualTo(2);
            assertThat(stack.err()).as(bad).contains("truth.jsonl line 3: ").contains("nothing was sent");
        }
        assertThat(monitoring.batches).isEmpty();
    }

    @Test
    void labelsAndValuesTogetherOrNeitherOrAFileWithARequestIdAreUsageErrors() throws Exception {
        Path file = Files.writeString(home.resolve("truth.jsonl"), "{\"request_id\": \"r1\", \"labels\": [\"a\"]}\n");

        assertThat(stack.run("feedback", "penguins", "--request-id", "r1", "--label", "a", "--value", "1"))
                .isEqualTo(2);
        assertThat(stack.run("feedback", "penguins", "--request-id", "r1")).isEqualTo(2);
        assertThat(stack.run("feedback", "penguins", "--label", "a")).isEqualTo(2);
        assertThat(stack.run("feedback", "penguins", "--file", file.toString(), "--request-id", "r1", "--label", "a"))
                .isEqualTo(2);
        assertThat(stack.err()).contains("see: aiaas feedback --help");
        assertThat(monitoring.batches).isEmpty();
    }
}
