package dev.aiaas.ingest.model;

import dev.aiaas.errors.DomainException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The typed columns of a dataset and which one is the label. */
public record DatasetSchema(List<ColumnSpec> columns, String labelColumn) {

    /** Checks that the schema can hold data: named, unique columns, a real label, image shapes. */
    public DatasetSchema validated() {
        if (columns.isEmpty()) {
            throw DomainException.invalid("the schema has no columns: declare at least one");
        }
        Set<String> names = new HashSet<>();
        for (ColumnSpec column : columns) {
            if (column.name() == null || column.name().isBlank()) {
                throw DomainException.invalid("a column has no name");
            }
            if (!names.add(column.name())) {
                throw DomainException.invalid("column '" + column.name() + "' is declared twice");
            }
            if (column.kind() == ColumnKind.IMAGE_U8 && (column.shape().length == 0 || column.imageBytes() <= 0)) {
                throw DomainException.invalid("image column '" + column.name() + "' needs a shape, e.g. [28, 28]");
            }
        }
        if (!labelColumn.isEmpty() && !names.contains(labelColumn)) {
            throw DomainException.invalid("label column '" + labelColumn + "' is not one of the columns " + names);
        }
        return this;
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Map<String, ColumnSpec> byName() {
        Map<String, ColumnSpec> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.name(), c));
        return map;
    }

    public List<String> names() {
        return columns.stream().map(ColumnSpec::name).toList();
    }
}
