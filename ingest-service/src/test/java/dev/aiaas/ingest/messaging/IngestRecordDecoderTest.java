package dev.aiaas.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.events.v1.IngestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestRecordDecoderTest {

    @Test
    void jsonEnvelopeNamesItsDatasetAndFields() {
        var decoded = decode("key-ignored", " \n{\"dataset\": \"iris\", \"fields\": {\"petal_length\": 1.4, \"species\": \"setosa\"}}");

        assertThat(decoded.dataset()).isEqualTo("iris");
        assertThat(decoded.fields()).isEqualTo(Map.of("petal_length", 1.4, "species", "setosa"));
    }

    @Test
    void bareJsonFieldsTakeTheDatasetFromTheKey() {
        var decoded = decode("iris", "{\"petal_length\": 1.4, \"dataset\": \"a column\"}");

        assertThat(decoded.dataset()).isEqualTo("iris");
        assertThat(decoded.fields()).isEqualTo(Map.of("petal_length", 1.4, "dataset", "a column"));
    }

    @Test
    void protobufIngestRecordIsReadWithTheKeyAsFallbackDataset() {
        Record record = Record.newBuilder().putFields("species", Value.newBuilder().setStringValue("setosa").build()).build();

        var named = IngestRecordDecoder.decode("other", IngestRecord.newBuilder().setDataset("iris").setRecord(record)
                .build().toByteArray());
        var keyed = IngestRecordDecoder.decode("iris", IngestRecord.newBuilder().setRecord(record).build().toByteArray());

        assertThat(named.dataset()).isEqualTo("iris");
        assertThat(named.fields()).isEqualTo(Map.of("species", "setosa"));
        assertThat(keyed.dataset()).isEqualTo("iris");
    }

    @Test
    void unreadableRecordsAreRefusedWithAReason() {
        assertThatThrownBy(() -> decode("iris", "{not json")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> decode(null, "{\"a\": 1}")).hasMessageContaining("names no dataset");
        assertThatThrownBy(() -> decode("iris", "hello")).hasMessageContaining("neither JSON")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IngestRecordDecoder.decode("iris", new byte[0])).hasMessageContaining("no value");
    }

    private static IngestRecordDecoder.Decoded decode(String key, String value) {
        return IngestRecordDecoder.decode(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
