package dev.aiaas.ingest.mapping;

import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Value;
import java.util.HashMap;
import java.util.Map;

/** A protobuf Record as the raw values the domain validates; shared by the gRPC and Kafka edges. */
public final class ProtoRecords {

    private ProtoRecords() {
    }

    /** A record's values as plain Java objects; an unset value is missing (null). */
    public static Map<String, Object> toRaw(Record record) {
        Map<String, Object> raw = new HashMap<>();
        record.getFieldsMap().forEach((name, value) -> raw.put(name, toRaw(value)));
        return raw;
    }

    private static Object toRaw(Value value) {
        return switch (value.getKindCase()) {
            case DOUBLE_VALUE -> value.getDoubleValue();
            case INT64_VALUE -> value.getInt64Value();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case BYTES_VALUE -> value.getBytesValue().toByteArray();
            case KIND_NOT_SET -> null;
        };
    }
}
