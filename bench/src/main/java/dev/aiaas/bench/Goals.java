package dev.aiaas.bench;

import dev.aiaas.bench.report.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The serving goals of issue 6, each checked against the cases it speaks of, one line per
 * case with the measured figure, the goal, and whether it was met. Nothing is judged for a
 * case that did not run.
 */
final class Goals {

    /** Single-row gRPC at 1 in flight: the mean latency goal, in microseconds. */
    static final double SINGLE_ROW_MEAN_MICROS = 250;
    /** Single rows, dynamic batching, at least 64 in flight: share of the engine's two-thread calls/s. */
    static final double BATCHED_SINGLE_ROW_SHARE = 0.50;
    /** Batches of 256 rows: share of the engine's rows/s. */
    static final double BATCH_256_SHARE = 0.80;
    /** Digits in batches of 32: share of the engine's rows/s. */
    static final double DIGITS_32_SHARE = 0.90;

    private final ResultTable table;

    Goals(ResultTable table) {
        this.table = table;
    }

    /** Markdown lines: a heading line per goal, then one line per case it covers. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("- Single-row gRPC, 1 in flight: mean latency ≤ " + (int) SINGLE_ROW_MEAN_MICROS + " µs");
        served(c -> c.transport() == Transport.GRPC && c.rows() == 1 && c.inFlight() == 1).forEach(r -> lines.add(
                caseLine(r, ResultTable.micros(r.measurement().meanMicros()) + " µs mean",
                        r.measurement().meanMicros() <= SINGLE_ROW_MEAN_MICROS)));
        lines.add("- Single rows with dynamic batching, ≥ 64 in flight: ≥ " + percent(BATCHED_SINGLE_ROW_SHARE)
                + " of the engine's two-thread batch-1 calls/s");
        shares(c -> c.rows() == 1 && c.batching() == BatchingMode.DYNAMIC && c.inFlight() >= 64,
                BATCHED_SINGLE_ROW_SHARE, lines);
        lines.add("- Batches of 256 rows: ≥ " + percent(BATCH_256_SHARE) + " of the engine's two-thread rows/s");
        shares(c -> c.rows() == 256, BATCH_256_SHARE, lines);
        lines.add("- Digits in batches of 32: ≥ " + percent(DIGITS_32_SHARE) + " of the engine's two-thread rows/s");
        shares(c -> c.model() == ModelKind.DIGITS && c.rows() == 32, DIGITS_32_SHARE, lines);
        return lines;
    }

    private void shares(Predicate<BenchCase> cases, double goal, List<String> lines) {
        served(cases).forEach(r -> {
            OptionalDouble ratio = table.ratio(r);
            if (ratio.isEmpty()) {
                lines.add(caseLine(r, "no engine baseline ran", null));
            } else {
                lines.add(caseLine(r, percent(ratio.getAsDouble()) + " of the engine",
                        ratio.getAsDouble() >= goal));
            }
        });
    }

    private List<CaseResult> served(Predicate<BenchCase> cases) {
        return table.results().stream().filter(r -> r.benchCase().transport() != Transport.ENGINE
                && r.requests() > 0 && cases.test(r.benchCase())).toList();
    }

    private static String caseLine(CaseResult r, String figure, Boolean met) {
        BenchCase c = r.benchCase();
        return "  - case " + c.number() + " (" + c.transport().label() + " " + c.model().id() + ", " + c.rows()
                + (c.rows() == 1 ? " row" : " rows") + ", " + c.inFlight() + " in flight, batching "
                + c.batching().label() + "): " + figure + (met == null ? "" : met ? ": met" : ": **not met**");
    }

    private static String percent(double share) {
        return Figures.percent(share);
    }
}
