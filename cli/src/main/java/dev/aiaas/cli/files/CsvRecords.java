package dev.aiaas.cli.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
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
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < record.length() && record.charAt(i) == '"') {
                i = quoted(record, i + 1, field);
                if (i < 0) {
                    return Optional.empty();
                }
                if (i < record.length() && record.charAt(i) != ',') {
                    throw new IOException("line " + line + ": field " + (fields.size() + 1)
                            + " has text after its closing quote");
                }
            } else {
                while (i < record.length() && record.charAt(i) != ',') {
                    field.append(record.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= record.length()) {
                return Optional.of(fields);
            }
            i++;
        }
    }

    private static int quoted(CharSequence record, int i, StringBuilder field) {
        while (i < record.length()) {
            char c = record.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else {
                return i + 1;
            }
        }
        return -1;
    }
}
