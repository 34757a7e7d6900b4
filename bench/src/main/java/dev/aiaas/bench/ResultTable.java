package dev.aiaas.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The results as one Markdown table, columns padded so that it also reads on a terminal. Each
 * case's throughput is compared with the engine's on two threads for the same model and rows
 * per request (the baseline, marked as such).
 */
final class ResultTable {

    static final List<String> HEADER = List.of("case", "transport", "model", "rows/request", "in flight", "batching",
            "requests/s", "rows/s", "mean µs", "p50 µs", "p99 µs", "vs engine 2 threads", "client cores",
            "server cores", "other cores", "failures");

    private final List<CaseResult> results;

    ResultTable(List<CaseResult> results) {
        this.results = List.copyOf(results);
    }

    List<CaseResult> results() {
        return results;
    }

    /** The engine-on-two-threads result of the same model and rows per request, when it ran. */
    Optional<CaseResult> baselineOf(BenchCase benchCase) {
        return results.stream().filter(r -> benchCase.comparesWith(r.benchCase()) && r.measured()).findFirst();
    }

    /** This case's rows/s over its baseline's (equal to the ratio of requests/s: same rows per request). */
    OptionalDouble ratio(CaseResult result) {
        Optional<CaseResult> baseline = baselineOf(result.benchCase());
        if (!result.measured() || baseline.isEmpty() || !(baseline.get().rowsPerSecond() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(result.rowsPerSecond() / baseline.get().rowsPerSecond());
    }

    String markdown() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        results.forEach(r -> rows.add(cells(r)));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, rows.get(0), widths);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            rule.add(leftAligned(i) ? "-".repeat(widths[i]) : "-".repeat(widths[i] - 1) + ":");
        }
        line(table, rule, widths);
        rows.subList(1, rows.size()).forEach(row -> line(table, row, widths));
        return table.toString();
    }

    /** Lines under the table: cases not run and why, and the first failure of any case that had failures. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        results.stream().filter(r -> r.benchCase().skipped())
                .collect(Collectors.groupingBy(r -> r.benchCase().skipReason(), LinkedHashMap::new,
                        Collectors.mapping(r -> Integer.toString(r.benchCase().number()), Collectors.joining(", "))))
                .forEach((reason, cases) -> notes.add("Cases " + cases + ": " + reason + "."));
        results.stream().filter(r -> r.measured() && r.measurement().firstFailure() != null)
                .forEach(r -> notes.add("Case " + r.benchCase().number() + ": " + r.measurement().failures()
                        + " failed calls in the measured window; first failure of the case: "
                        + r.measurement().firstFailure()));
        String busy = results.stream().filter(r -> r.measured()
                        && r.measurement().elsewhereCores() > Measurement.NOTABLE_ELSEWHERE_CORES)
                .map(r -> r.benchCase().number() + " (" + fixed(r.measurement().elsewhereCores()) + ")")
                .collect(Collectors.joining(", "));
        if (!busy.isEmpty()) {
            notes.add("Cores used by other processes of the machine (PostgreSQL, S3Proxy, the registry, or anything"
                    + " else running) during the measured window, where above " + Measurement.NOTABLE_ELSEWHERE_CORES
                    + ": cases " + busy + ".");
        }
        return notes;
    }

    private List<String> cells(CaseResult r) {
        BenchCase c = r.benchCase();
        boolean engine = c.transport() == Transport.ENGINE;
        String inFlight = engine ? c.inFlight() + (c.inFlight() == 1 ? " thread" : " threads") : Integer.toString(c.inFlight());
        List<String> cells = new ArrayList<>(List.of(Integer.toString(c.number()), c.transport().label(), c.model().id(),
                Integer.toString(c.rows()), inFlight, c.batching().label()));
        if (!r.measured()) {
            cells.add("not run");
            while (cells.size() < HEADER.size()) {
                cells.add("-");
            }
            return cells;
        }
        Measurement m = r.measurement();
        boolean any = m.requests() > 0;
        cells.add(count(r.requestsPerSecond()));
        cells.add(count(r.rowsPerSecond()));
        cells.add(any ? micros(m.meanMicros()) : "-");
        cells.add(any ? micros(m.p50Micros()) : "-");
        cells.add(any ? micros(m.p99Micros()) : "-");
        OptionalDouble ratio = ratio(r);
        cells.add(c.isBaseline() ? "1.00 (baseline)" : ratio.isPresent() ? fixed(ratio.getAsDouble()) : "-");
        cells.add(fixedOrDash(m.clientCores()));
        cells.add(fixedOrDash(m.serverCores()));
        cells.add(fixedOrDash(m.otherCores()));
        cells.add(Long.toString(m.failures()));
        return cells;
    }

    static String count(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "-";
    }

    /** Latencies: one decimal under 100 µs, whole microseconds above. */
    static String micros(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%,.0f", value);
    }

    static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String fixedOrDash(double value) {
        return Double.isFinite(value) ? fixed(value) : "-";
    }

    /** Transport, model and batching are words; every other column is a number. */
    private static boolean leftAligned(int column) {
        return column == 1 || column == 2 || column == 5;
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(' ').append(leftAligned(i) ? cell + pad : pad + cell).append(" |");
        }
        out.append('\n');
    }
}
