package dev.aiaas.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.JobState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrinterTest {

    private static final Dataset PENGUINS = Dataset.newBuilder().setName("penguins")
            .setSchema(Schema.newBuilder().setLabelColumn("species")
                    .addColumns(Column.newBuilder().setName("species").setType(ColumnType.STRING))
                    .addColumns(Column.newBuilder().setName("mass").setType(ColumnType.DOUBLE).setNullable(true)))
            .setLatestVersion(2).setCreatedAt(Timestamp.newBuilder().setSeconds(1_780_000_000)).build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void jsonIsTheAnswersProtobufJsonWithZeroFieldsIncludedAndReadsBackToTheSameMessage() throws Exception {
        printer(OutputFormat.JSON).print(PENGUINS, () -> "unused");

        Dataset.Builder read = Dataset.newBuilder();
        JsonFormat.parser().merge(printed(), read);
        assertThat(read.build()).isEqualTo(PENGUINS);
        JsonNode tree = new ObjectMapper().readTree(printed());
        assertThat(tree.get("openRows").asText()).isEqualTo("0");
        assertThat(tree.get("latestVersion").asText()).isEqualTo("2");
        assertThat(tree.at("/schema/columns/1/type").asText()).isEqualTo("DOUBLE");
    }

    @Test
    void yamlHoldsTheSameDataAsJson() throws Exception {
        printer(OutputFormat.YAML).print(PENGUINS, () -> "unused");

        JsonNode fromYaml = new YAMLMapper().readTree(printed());
        assertThat(printed()).doesNotStartWith("---").contains("name: penguins");
        assertThat(fromYaml).isEqualTo(ProtoText.tree(PENGUINS));
    }

    @Test
    void tableIsWhatTheCommandDrawsAndColumnsLineUp() {
        printer(OutputFormat.TABLE).print(PENGUINS, () -> TextTable.of("NAME", "LATEST").row("penguins", "v2")
                .row("iris", "-").toString());

        assertThat(printed().lines()).containsExactly("NAME      LATEST", "penguins  v2", "iris      -");
    }

    @Test
    void streamedEventsAreOneJsonObjectPerLineOrOneYamlDocumentEach() throws Exception {
        Printer json = printer(OutputFormat.JSON);
        JobEvent first = JobEvent.newBuilder().setJobId("j1").setState(JobState.RUNNING).setEpoch(1).setTrainLoss(0.5)
                .putMetrics("accuracy", 0.75).build();
        json.event(first, () -> "unused");
        json.event(first.toBuilder().setEpoch(2).build(), () -> "unused");

        assertThat(printed().lines()).hasSize(2);
        JobEvent.Builder second = JobEvent.newBuilder();
        JsonFormat.parser().merge(printed().lines().toList().get(1), second);
        assertThat(second.getEpoch()).isEqualTo(2);
        assertThat(second.getMetricsMap()).containsEntry("accuracy", 0.75);

        out.reset();
        Printer yaml = printer(OutputFormat.YAML);
        yaml.event(first, () -> "unused");
        yaml.event(first, () -> "unused");
        assertThat(printed().lines().filter(line -> line.equals("---"))).hasSize(2);
    }

    @Test
    void severalMessagesPrintAsOneObjectNamingEach() throws Exception {
        printer(OutputFormat.JSON).print(() -> ProtoText.object("dataset", PENGUINS, "schema", PENGUINS.getSchema()),
                () -> "unused");

        JsonNode tree = new ObjectMapper().readTree(printed());
        assertThat(tree.at("/dataset/name").asText()).isEqualTo("penguins");
        assertThat(tree.at("/schema/labelColumn").asText()).isEqualTo("species");
    }

    private Printer printer(OutputFormat format) {
        return new Printer(format, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
