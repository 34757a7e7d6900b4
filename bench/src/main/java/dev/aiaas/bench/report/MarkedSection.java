package dev.aiaas.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A part of a README that a benchmark owns: the lines between its {@code begin} and
 * {@code end} markers (HTML comments) are replaced by each run, and everything around them,
 * other benchmarks' sections included, stays as people wrote it.
 *
 * @param begin the line that opens the section
 * @param end   the line that closes it
 */
public record MarkedSection(String begin, String end) {

    /** The markers {@code <!-- bench:NAME:begin (…) -->} and {@code <!-- bench:NAME:end -->}. */
    public static MarkedSection named(String name, String command) {
        return new MarkedSection("<!-- bench:" + name + ":begin (" + command + " rewrites everything up to bench:"
                + name + ":end) -->", "<!-- bench:" + name + ":end -->");
    }

    /** Replaces the section in {@code readme}, or appends it (with its markers) when the file has none. */
    public void write(Path readme, List<String> lines) throws IOException {
        String body = begin + "\n" + String.join("\n", lines) + "\n" + end;
        String text = Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + body + text.substring(to + end.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + body + "\n";
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
    }
}
