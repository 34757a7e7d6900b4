package dev.aiaas.bench;

import dev.aiaas.bench.report.MachineInfo;
import dev.aiaas.bench.report.MarkedSection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results section of bench/README.md: the run's date, machine and settings, the table,
 * its notes and the goals. Only the text between {@link #BEGIN} and {@link #END} is replaced,
 * so what people wrote around it (how to read the figures) stays.
 */
final class ReadmeSection {

    static final String BEGIN = "<!-- bench:results:begin (bench/run rewrites everything up to bench:results:end) -->";
    static final String END = "<!-- bench:results:end -->";

    private ReadmeSection() {
    }

    /** The section's lines, markers excluded. */
    static List<String> render(ZonedDateTime when, MachineInfo machine, LoadGenerator generator, String command,
            Map<ModelKind, BenchSetup.Model> models, List<TransportFloor.Floor> floors, ResultTable table, Goals goals) {
        List<String> lines = new ArrayList<>();
        lines.add(machine.runLine(when, command));
        lines.add("");
        lines.add("Each case: " + seconds(generator.warmUp().toMillis()) + " warm-up, then "
                + seconds(generator.measure().toMillis()) + " measured. Models: " + models.values().stream()
                .map(m -> m.trained().kind().id() + " v" + m.version() + " (" + m.trained().kind().spec().family() + ", input "
                        + m.trained().kind().spec().inputShape() + ", " + m.trained().kind().spec().outputs() + " classes;"
                        + " served answers equal the engine's to within " + String.format(Locale.ROOT, "%.1e",
                        m.maxDifference()) + ")")
                .collect(Collectors.joining(", ")) + ".");
        lines.add("");
        lines.addAll(table.markdown().lines().toList());
        List<String> notes = table.notes();
        if (!notes.isEmpty()) {
            lines.add("");
            notes.forEach(note -> lines.add("- " + note));
        }
        lines.add("");
        lines.add("Transport floor: the same clients against the same server, no model involved:");
        lines.add("");
        lines.addAll(TransportFloor.markdown(floors));
        lines.add("");
        lines.add("Goals (issue 6), as measured in this run:");
        lines.add("");
        lines.addAll(goals.lines());
        return lines;
    }

    /** Replaces the serving section in {@code readme}, or appends it when the file has none. */
    static void write(Path readme, List<String> section) throws IOException {
        new MarkedSection(BEGIN, END).write(readme, section);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
