package dev.aiaas.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    @Test
    void objectsBecomeRecordsAndOtherLinesAreRefusedWithTheirLineNumber() {
        String lines = "{\"x\": 1.5, \"n\": 3, \"s\": \"héllo\", \"b\": true, \"px\": [0, 255], \"gone\": null}\n"
                + "not json\n"
                + "\n"
                + "[1, 2]\n"
                + "{\"x\": 2} trailing\n"
                + "{\"x\": 3}";
        CollectingSink sink = new CollectingSink();

        CollectingSink.feed(new JsonLinesReader(sink), lines.getBytes(StandardCharsets.UTF_8), 3);

        assertThat(sink.records).hasSize(2);
        assertThat(sink.records.get(0)).containsEntry("x", 1.5).containsEntry("n", 3L).containsEntry("s", "héllo")
                .containsEntry("b", true).containsEntry("px", List.of(0L, 255L)).containsEntry("gone", null);
        assertThat(sink.records.get(1)).isEqualTo(Map.of("x", 3L));
        assertThat(sink.unreadable).hasSize(3);
        assertThat(sink.unreadable.get(0)).startsWith("line 2 is not JSON");
        assertThat(sink.unreadable.get(1)).isEqualTo("line 4 is JSON but not an object: write {\"column\": value, ...}");
        assertThat(sink.unreadable.get(2)).startsWith("line 5 is not JSON");
    }
}
