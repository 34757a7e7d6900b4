package dev.aiaas.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code up} and {@code status} print: one row per server and service, with where it
 * listens, what it speaks, its state and, for a service, how often it was restarted.
 *
 * <pre>
 * service     address                 protocol       state      restarts
 * postgres    127.0.0.1:15432         postgresql     ready      -
 * registry    localhost:18084         grpc + http    SERVING    0
 * </pre>
 */
final class StackTable {

    /** One line of the table. */
    record Row(String name, String address, String protocol, String state, String restarts) {
    }

    private static final List<String> HEADER = List.of("service", "address", "protocol", "state", "restarts");

    private final List<Row> rows = new ArrayList<>();

    StackTable add(String name, String address, String protocol, String state, String restarts) {
        rows.add(new Row(name, address, protocol, state, restarts));
        return this;
    }

    /** The table as text, columns padded to their widest cell, ending with a line break. */
    String render() {
        int[] widths = HEADER.stream().mapToInt(String::length).toArray();
        for (Row row : rows) {
            List<String> cells = cells(row);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, HEADER, widths);
        rows.forEach(row -> appendLine(text, cells(row), widths));
        return text.toString();
    }

    private static List<String> cells(Row row) {
        return List.of(row.name(), row.address(), row.protocol(), row.state(), row.restarts());
    }

    private static void appendLine(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(String.format("%-" + (widths[i] + 3) + "s", cells.get(i)));
        }
        text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
