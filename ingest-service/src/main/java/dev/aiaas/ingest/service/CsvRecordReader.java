package dev.aiaas.ingest.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.ColumnSpec;
import dev.aiaas.ingest.model.DatasetSchema;
import dev.aiaas.ml.table.CsvFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads CSV with a header row naming schema columns. The header must name only schema
 * columns and every column that cannot be missing; otherwise the import is refused before
 * any record is stored. A record with the wrong number of fields is refused with its line,
 * and the rest go on. Empty fields are missing values; blank lines are skipped.
 */
public final class CsvRecordReader implements FileRecordReader {

    /** Longest record (a quoted field may span lines) before it is refused as unclosed. */
    static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

    private final DatasetSchema schema;
    private final RecordSink sink;
    private final LineSplitter splitter = new LineSplitter(this::onLine);
    private List<String> header;
    private StringBuilder open;
    private long line;
    private long recordLine;

    public CsvRecordReader(DatasetSchema schema, RecordSink sink) {
        this.schema = schema;
        this.sink = sink;
    }

    @Override
    public void accept(byte[] chunk) {
        splitter.accept(chunk);
    }

    @Override
    public void finish() {
        splitter.finish();
        if (open != null) {
            sink.rejectUnreadable("line " + recordLine + ": a quoted field is never closed (the file ends inside it)");
        }
        if (header == null) {
            throw DomainException.invalid("the CSV file is empty: its first line must name the columns " + schema.names());
        }
    }

    private void onLine(String text) {
        line++;
        if (open == null) {
            if (text.isBlank()) {
                return;
            }
            open = new StringBuilder(line == 1 ? stripByteOrderMark(text) : text);
            recordLine = line;
        } else {
            open.append('\n').append(text);
        }
        Optional<List<String>> fields;
        try {
            fields = CsvFields.parse(open.toString());
        } catch (IllegalArgumentException e) {
            open = null;
            refuse("line " + recordLine + ": " + e.getMessage());
            return;
        }
        if (fields.isPresent()) {
            open = null;
            onRecord(fields.get());
        } else if (open.length() > MAX_RECORD_CHARS) {
            open = null;
            refuse("line " + recordLine + ": a quoted field is not closed within " + MAX_RECORD_CHARS + " characters");
        }
    }

    private void refuse(String problem) {
        if (header == null) {
            throw DomainException.invalid("the CSV header cannot be read: " + problem);
        }
        sink.rejectUnreadable(problem);
    }

    private void onRecord(List<String> fields) {
        if (header == null) {
            header = checkedHeader(fields);
        } else if (fields.size() != header.size()) {
            sink.rejectUnreadable("line " + recordLine + ": " + fields.size() + " fields, but the header names "
                    + header.size() + " columns");
        } else {
            Map<String, Object> raw = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.get(i).isEmpty()) {
                    raw.put(header.get(i), fields.get(i));
                }
            }
            sink.add(raw);
        }
    }

    private List<String> checkedHeader(List<String> fields) {
        List<String> names = fields.stream().map(String::strip).toList();
        Map<String, ColumnSpec> columns = schema.byName();
        Set<String> seen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw DomainException.invalid("the CSV header names column '" + name + "' twice");
            }
            if (!columns.containsKey(name)) {
                unknown.add(name);
            }
        }
        List<String> missing = schema.columns().stream()
                .filter(c -> !seen.contains(c.name()) && (!c.nullable() || c.name().equals(schema.labelColumn())))
                .map(ColumnSpec::name).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw DomainException.invalid("the CSV header does not match the schema "
                    + (unknown.isEmpty() ? "" : "(columns not in the schema: " + unknown + ") ")
                    + (missing.isEmpty() ? "" : "(required columns missing: " + missing + ") ")
                    + "- the schema has " + schema.names());
        }
        return names;
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
