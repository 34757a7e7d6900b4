package dev.aiaas.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Markdown table whose columns are padded to one width, so that it reads on a terminal as
 * well as on a rendered page. Word columns are left-aligned, number columns right-aligned.
 */
public final class MarkdownTable {

    private final List<String> header;
    private final Set<Integer> wordColumns;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header      the column names
     * @param wordColumns indices of the columns that hold words (left-aligned); every other one holds numbers
     */
    public MarkdownTable(List<String> header, Set<Integer> wordColumns) {
        this.header = List.copyOf(header);
        this.wordColumns = Set.copyOf(wordColumns);
    }

    /** Adds a row; it must have one cell per column. */
    public MarkdownTable add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("a row of " + header.size() + " columns, got " + cells);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The table, one line per row, each ending with a line break. */
    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(widths[i], header.get(i).length());
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, header, widths);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            rule.add(wordColumns.contains(i) ? "-".repeat(widths[i]) : "-".repeat(widths[i] - 1) + ":");
        }
        line(table, rule, widths);
        rows.forEach(row -> line(table, row, widths));
        return table.toString();
    }

    /** {@link #render()} as lines. */
    public List<String> lines() {
        return render().lines().toList();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(' ').append(wordColumns.contains(i) ? cell + pad : pad + cell).append(" |");
        }
        out.append('\n');
    }
}
