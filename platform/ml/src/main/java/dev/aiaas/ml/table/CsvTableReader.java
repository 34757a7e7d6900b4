package dev.aiaas.ml.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values with a header row (RFC 4180 quoting) into a {@link Table}.
 * A column whose every non-empty cell is a number becomes NUMERIC, any other CATEGORICAL;
 * an empty cell is a missing value.
 */
public final class CsvTableReader {

    private CsvTableReader() {
    }

    /**
     * Reads {@code file} (UTF-8).
     *
     * @param labelName the label column's name, or null for unlabelled data
     */
    public static Table read(Path file, String labelName) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, labelName);
        }
    }

    /**
     * Reads all of {@code reader}.
     *
     * @throws IllegalArgumentException for no header, or a row with another number of cells than the header
     */
    public static Table read(Reader reader, String labelName) throws IOException {
        List<List<String>> rows = CsvRows.parse(reader);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV has no header row");
        }
        List<String> header = rows.get(0);
        List<List<String>> body = rows.subList(1, rows.size());
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).size() != header.size()) {
                throw new IllegalArgumentException("CSV row " + (i + 1) + " has " + body.get(i).size()
                        + " cells but the header has " + header.size());
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            columns.add(column(header.get(c), cells(body, c)));
        }
        return Table.of(columns, labelName);
    }

    private static String[] cells(List<List<String>> body, int column) {
        String[] cells = new String[body.size()];
        for (int row = 0; row < cells.length; row++) {
            String cell = body.get(row).get(column);
            cells[row] = cell.isEmpty() ? null : cell;
        }
        return cells;
    }

    private static Column column(String name, String[] cells) {
        double[] numbers = new double[cells.length];
        for (int row = 0; row < cells.length; row++) {
            if (cells[row] == null) {
                numbers[row] = Double.NaN;
                continue;
            }
            try {
                numbers[row] = Double.parseDouble(cells[row].trim());
            } catch (NumberFormatException notNumeric) {
                return CategoricalColumn.of(name, cells);
            }
        }
        return NumericColumn.of(name, numbers);
    }

    /** Splits CSV text into rows of cells, honouring quotes, doubled quotes and CRLF. */
    private static final class CsvRows {
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> row = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();

        static List<List<String>> parse(Reader source) throws IOException {
            // mark/reset looks one character past a quote; not every Reader supports it.
            Reader reader = source instanceof BufferedReader ? source : new BufferedReader(source);
            CsvRows parser = new CsvRows();
            boolean quoted = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (quoted) {
                    if (c != '"') {
                        parser.cell.append((char) c);
                    } else {
                        reader.mark(1);
                        if (reader.read() == '"') {
                            parser.cell.append('"');
                        } else {
                            reader.reset();
                            quoted = false;
                        }
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    parser.endCell();
                } else if (c == '\n') {
                    parser.endRow();
                } else if (c != '\r') {
                    parser.cell.append((char) c);
                }
            }
            parser.endRow();
            return parser.rows;
        }

        private void endCell() {
            row.add(cell.toString());
            cell.setLength(0);
        }

        private void endRow() {
            if (row.isEmpty() && cell.length() == 0) {
                return;
            }
            endCell();
            rows.add(row);
            row = new ArrayList<>();
        }
    }
}
