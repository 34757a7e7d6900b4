package dev.aiaas.ingest.service;

import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks one raw record against a schema and converts its values to the column types.
 * Raw values come from gRPC (typed), JSON (numbers, strings, booleans) or CSV (strings),
 * so numbers written as text are accepted; anything else that does not fit is refused
 * with a reason that names the column and says what was expected.
 */
public final class RecordValidator {

    private final DatasetSchema schema;
    private final Map<String, ColumnSpec> columns;

    public RecordValidator(DatasetSchema schema) {
        this.schema = schema;
        this.columns = schema.byName();
    }

    /** The outcome for one record: typed values, or the reason it was refused. */
    public record Result(Map<String, Object> values, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    public Result validate(Map<String, Object> raw) {
        for (String name : raw.keySet()) {
            if (!columns.containsKey(name)) {
                return refused("unknown column '" + name + "': the schema has " + schema.names());
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ColumnSpec column : schema.columns()) {
            Object value = raw.get(column.name());
            if (isMissing(value)) {
                if (!column.nullable() || column.name().equals(schema.labelColumn())) {
                    return refused("column " + column.name() + " is missing"
                            + (column.name().equals(schema.labelColumn()) ? " (it is the label)" : " and not nullable"));
                }
                continue;
            }
            try {
                typed.put(column.name(), ValueCoercion.coerce(column, value));
            } catch (IllegalArgumentException e) {
                return refused("column " + column.name() + ": " + e.getMessage());
            }
        }
        return new Result(typed, null);
    }

    private static boolean isMissing(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Double d && d.isNaN());
    }

    private static Result refused(String problem) {
        return new Result(Map.of(), problem);
    }
}
