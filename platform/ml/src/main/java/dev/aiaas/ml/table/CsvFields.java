package dev.aiaas.ml.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one CSV record into its fields (RFC 4180): fields separated by commas; a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""} is one quote).
 * A quote inside an unquoted field is kept as it is. Ingest reads uploads with it, the command
 * line reads files with it, so both read a CSV file the same way.
 */
public final class CsvFields {

    private CsvFields() {
    }

    /**
     * The fields of {@code record}, or empty when a quoted field is still open at its end
     * (the record goes on on the next line).
     *
     * @throws IllegalArgumentException for text between a closing quote and the next comma
     */
    public static Optional<List<String>> parse(CharSequence record) {
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
                    throw new IllegalArgumentException("field " + (fields.size() + 1)
                            + " has text after its closing quote: quote the whole field and double the quotes inside");
                }
            } else {
                int end = i;
                while (end < record.length() && record.charAt(end) != ',') {
                    end++;
                }
                field.append(record, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= record.length()) {
                return Optional.of(fields);
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field's content from {@code i}; the index after its closing quote, or -1 if unclosed. */
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
