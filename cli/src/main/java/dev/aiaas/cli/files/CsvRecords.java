package dev.aiaas.cli.files;

import dev.aiaas.ml.table.CsvFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV records as ingest does (RFC 4180): fields separated by commas; a field in double
 * quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped; an empty
 * field is a missing value.
 */
public final class CsvRecords {

    private final BufferedReader in;
    private long line;

    public CsvRecords(BufferedReader in) {
        this.in = in;
    }

    /**
     * The next record's fields, or empty at the end of the file.
     *
     * @throws IOException when a quoted field is never closed, or text follows a closing quote
     */
    public Optional<List<String>> next() throws IOException {
        String text;
        do {
            text = in.readLine();
            line++;
            if (text == null) {
                return Optional.empty();
            }
        } while (text.isBlank());
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long start = line;
        StringBuilder record = new StringBuilder(text);
        while (true) {
            Optional<List<String>> fields = parse(record, start);
            if (fields.isPresent()) {
                return fields;
            }
            String more = in.readLine();
            line++;
            if (more == null) {
                throw new IOException("line " + start + ": a quoted field is never closed (the file ends inside it)");
            }
            record.append('\n').append(more);
        }
    }

    /** The fields of one record, or empty when a quoted field goes on on the next line. */
    static Optional<List<String>> parse(CharSequence record, long line) throws IOException {
        try {
            return CsvFields.parse(record);
        } catch (IllegalArgumentException e) {
            throw new IOException("line " + line + ": " + e.getMessage(), e);
        }
    }
}
