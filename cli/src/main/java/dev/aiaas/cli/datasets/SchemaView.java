package dev.aiaas.cli.datasets;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import java.util.stream.Collectors;

/** A schema's columns as a table, and naming its label. */
final class SchemaView {

    private SchemaView() {
    }

    /** {@code schema} with {@code label} as its label column (which can never be missing). */
    static Schema withLabel(Schema schema, String label) {
        if (label == null) {
            return schema;
        }
        Schema.Builder labelled = schema.toBuilder().setLabelColumn(label);
        for (int i = 0; i < schema.getColumnsCount(); i++) {
            if (schema.getColumns(i).getName().equals(label)) {
                labelled.setColumns(i, schema.getColumns(i).toBuilder().setNullable(false));
                return labelled.build();
            }
        }
        throw CommandFailure.usage("--label " + label + " is not one of the columns "
                + schema.getColumnsList().stream().map(Column::getName).toList());
    }

    static String table(Schema schema) {
        TextTable table = TextTable.of("COLUMN", "TYPE", "NULLABLE", "LABEL");
        for (Column column : schema.getColumnsList()) {
            table.row(column.getName(), type(column), column.getNullable() ? "yes" : "no",
                    column.getName().equals(schema.getLabelColumn()) ? "label" : "");
        }
        return table.toString();
    }

    private static String type(Column column) {
        String type = column.getType().name().toLowerCase(java.util.Locale.ROOT);
        if (column.getType() == ColumnType.IMAGE_U8) {
            return type + "(" + column.getShapeList().stream().map(String::valueOf).collect(Collectors.joining("x")) + ")";
        }
        return type;
    }
}
