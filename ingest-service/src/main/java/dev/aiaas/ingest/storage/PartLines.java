package dev.aiaas.ingest.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;

/**
 * One sealed record as a line of a part: a compact JSON object whose keys are the schema's
 * columns in schema order, missing values left out. The values are already typed (they were
 * validated on the way in; images are base64 text), so only the layout changes.
 */
public final class PartLines {

    private final ObjectMapper json;
    private final DatasetSchema schema;

    public PartLines(ObjectMapper json, DatasetSchema schema) {
        this.json = json;
        this.schema = schema;
    }

    /** The line for an open record's stored JSON. */
    public String render(String storedRecord) {
        try {
            JsonNode stored = json.readTree(storedRecord);
            ObjectNode line = json.createObjectNode();
            for (ColumnSpec column : schema.columns()) {
                JsonNode value = stored.get(column.name());
                if (value != null && !value.isNull()) {
                    line.set(column.name(), value);
                }
            }
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an open record of the dataset holds unreadable JSON", e);
        }
    }
}
