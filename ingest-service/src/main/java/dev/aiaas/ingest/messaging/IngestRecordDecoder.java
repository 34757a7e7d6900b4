package dev.aiaas.ingest.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.ingest.mapping.ProtoRecords;
import dev.aiaas.ingest.service.JsonRecords;
import dev.aiaas.proto.events.v1.IngestRecord;
import java.util.Map;
import java.util.Set;

/**
 * Reads a record of the intake's topics ({@code aiaas.ingest.records[.<project>]}) in any
 * accepted encoding:
 * <ul>
 * <li>JSON {@code {"dataset": "...", "fields": {...}}}, or the fields object alone with the
 * dataset name as the Kafka key;</li>
 * <li>protobuf {@code aiaas.events.v1.IngestRecord} (dataset from the message, else the key).</li>
 * </ul>
 * A value whose first byte other than JSON white space is {@code '{'} is JSON. No valid
 * IngestRecord starts that way: its first byte is a field tag (0x0a or 0x12), then a length,
 * then a dataset name, and neither white space nor a dataset name can make a {@code '{'}.
 */
final class IngestRecordDecoder {

    /** A record's dataset and its raw field values. */
    record Decoded(String dataset, Map<String, Object> fields) {
    }

    private static final Set<String> ENVELOPE = Set.of("dataset", "fields");

    private IngestRecordDecoder() {
    }

    /** @throws IllegalArgumentException saying why the record cannot be read */
    static Decoded decode(String key, byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("the record has no value: send JSON or an aiaas.events.v1.IngestRecord");
        }
        return isJson(value) ? json(key, value) : protobuf(key, value);
    }

    private static boolean isJson(byte[] value) {
        for (byte b : value) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private static Decoded json(String key, byte[] value) {
        Map<String, Object> object = JsonRecords.readObject(value);
        boolean envelope = object.get("fields") instanceof Map && ENVELOPE.containsAll(object.keySet());
        if (!envelope) {
            return new Decoded(dataset(null, key), object);
        }
        Object named = object.get("dataset");
        if (named != null && !(named instanceof String)) {
            throw new IllegalArgumentException("\"dataset\" must be the dataset's name as text");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) object.get("fields");
        return new Decoded(dataset((String) named, key), fields);
    }

    private static Decoded protobuf(String key, byte[] value) {
        IngestRecord record;
        try {
            record = IngestRecord.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the record is neither JSON (it does not start with '{') nor an "
                    + "aiaas.events.v1.IngestRecord (" + e.getMessage() + ")");
        }
        if (!record.hasRecord()) {
            throw new IllegalArgumentException("the record is not JSON (it does not start with '{'), and read as an "
                    + "aiaas.events.v1.IngestRecord it carries no record");
        }
        return new Decoded(dataset(record.getDataset(), key), ProtoRecords.toRaw(record.getRecord()));
    }

    private static String dataset(String named, String key) {
        String dataset = named == null || named.isEmpty() ? key : named;
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("the record names no dataset: put it in \"dataset\" or use it as the key");
        }
        return dataset;
    }
}
