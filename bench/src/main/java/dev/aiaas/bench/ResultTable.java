package dev.aiaas.bench;

import dev.aiaas.bench.report.Figures;
import dev.aiaas.bench.report.MarkdownTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
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
    /** Transport, model and batching are words; every other column is a number. */
    private static final Set<Integer> WORD_COLUMNS = Set.of(1, 2, 5);

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
        MarkdownTable table = new MarkdownTable(HEADER, WORD_COLUMNS);
        results.forEach(r -> table.add(cells(r)));
        return table.render();
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
        return Figures.count(value);
    }

    /** Latencies: one decimal under 100 µs, whole microseconds above. */
    static String micros(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%,.0f", value);
    }

    static String fixed(double value) {
        return Figures.fixed(value);
    }

    static String fixedOrDash(double value) {
        return Figures.fixedOrDash(value);
    }
}
