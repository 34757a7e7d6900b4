package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.files.DataFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJsonLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachObjectKeepsOnlyTheSchemasColumnsAndOtherLinesPassAsTheyAre() throws IOException {
        String file = """
                {"id": "1", "subject": "Grüße, \\"friend\\"", "body": "line one\\nline two", "label": "ham"}

                {"id": "2", "subject": null, "body": "", "label": "spam", "extra": {"nested": [1, 2]}}
                [1, 2]
                not json at all
                """;

        String read = read(new SchemaJsonLines(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                Set.of("subject", "body", "label")));

        List<String> lines = read.lines().toList();
        assertThat(lines).hasSize(5);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.properties()).extracting(e -> e.getKey()).containsExactly("subject", "body", "label");
        assertThat(first.get("subject").asText()).isEqualTo("Grüße, \"friend\"");
        assertThat(first.get("body").asText()).isEqualTo("line one\nline two");
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(2)).isEqualTo("{\"subject\":null,\"body\":\"\",\"label\":\"spam\"}");
        assertThat(lines.subList(3, 5)).containsExactly("[1, 2]", "not json at all");
    }

    @Test
    void aGzippedFileIsGunzippedAndReadWholeInSmallAndLargeReads() throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            file.append("{\"id\": ").append(i).append(", \"body\": \"mail ").append(i).append(" ").append("x".repeat(i % 97))
                    .append("\"}\n");
        }
        Path gz = dir.resolve("mail.jsonl.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(file.toString().getBytes(StandardCharsets.UTF_8));
        }

        String whole = read(new SchemaJsonLines(DataFormat.unzipped(gz, Files.newInputStream(gz)), Set.of("body")));
        String byByte;
        try (InputStream in = new SchemaJsonLines(DataFormat.unzipped(gz, Files.newInputStream(gz)), Set.of("body"))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                bytes.write(b);
            }
            byByte = bytes.toString(StandardCharsets.UTF_8);
        }

        List<String> lines = whole.lines().toList();
        assertThat(lines).hasSize(5_000);
        assertThat(lines.get(4_321)).isEqualTo("{\"body\":\"mail 4321 " + "x".repeat(4_321 % 97) + "\"}");
        assertThat(byByte).isEqualTo(whole);
    }

    @Test
    void theBundledMailImportsAsSubjectBodyAndLabelOnly() throws IOException {
        Path datasets = Path.of("..", "datasets");
        DemoDataset mail = DemoDataset.spamMail(datasets);
        List<JsonNode> objects = new ArrayList<>();

        try (InputStream in = mail.reading().apply(Files.newInputStream(mail.file()))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                objects.add(JSON.readTree(line));
            }
        }

        assertThat(objects).hasSize(3_000);
        assertThat(objects).allSatisfy(object -> assertThat(object.properties()).extracting(e -> e.getKey())
                .containsExactly("subject", "body", "label"));
        assertThat(objects.stream().filter(o -> o.get("label").asText().equals("spam")).count()).isEqualTo(500);
        InputStream csv = InputStream.nullInputStream();
        assertThat(DemoDataset.iris(datasets).reading().apply(csv)).as("a CSV file is sent as it is").isSameAs(csv);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[7];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
