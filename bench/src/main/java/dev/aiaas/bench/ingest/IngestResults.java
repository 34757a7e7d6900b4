package dev.aiaas.bench.ingest;

import dev.aiaas.bench.report.Figures;
import dev.aiaas.bench.report.MarkdownTable;
import dev.aiaas.bench.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Both sides of the ingest benchmark, round by round, as one comparison table and the goal:
 * ingest, end to end (produced until sealed), at least {@link #GOAL_SHARE} of the records/s
 * Kafka's own producer perf test reaches on the same broker, medians over the rounds.
 *
 * @param records     records per round and side
 * @param recordBytes bytes per record (key and value; the perf test sends values of this size and no key)
 * @param baseline    the perf test's rounds
 * @param ingest      ingest's rounds
 */
record IngestResults(int records, int recordBytes, List<PerfTestResult> baseline, List<IngestTiming> ingest) {

    static final double GOAL_SHARE = 0.50;
    static final List<String> HEADER = List.of("side", "measured", "records/s each round", "records/s (median)",
            "MiB/s", "vs baseline", "ingest JVM cores", "machine cores", "goal ≥ 50 %");
    private static final Set<Integer> WORD_COLUMNS = Set.of(0, 1);

    IngestResults {
        baseline = List.copyOf(baseline);
        ingest = List.copyOf(ingest);
        if (baseline.isEmpty() || ingest.isEmpty()) {
            throw new IllegalArgumentException("need at least one round of each side");
        }
    }

    double baselinePerSecond() {
        return Figures.median(baseline.stream().map(PerfTestResult::recordsPerSecond).toList());
    }

    /** Ingest end to end over the baseline, medians. */
    double sealedShare() {
        return median(IngestTiming::sealedPerSecond) / baselinePerSecond();
    }

    Verdict verdict() {
        return new Verdict("Ingest end to end (produced until a sealed version holds every record) ≥ "
                + Figures.percent(GOAL_SHARE) + " of kafka-producer-perf-test's records/s, medians",
                Figures.percent(sealedShare()) + " (" + Figures.count(median(IngestTiming::sealedPerSecond)) + " vs "
                        + Figures.count(baselinePerSecond()) + " records/s)", sealedShare() >= GOAL_SHARE);
    }

    List<String> table() {
        MarkdownTable table = new MarkdownTable(HEADER, WORD_COLUMNS);
        double base = baselinePerSecond();
        table.add(List.of("kafka-producer-perf-test", "produced, acks=all (nothing consumes)",
                Figures.each(baseline.stream().map(PerfTestResult::recordsPerSecond).toList(), Figures::count),
                Figures.count(base), mebibytes(base), "1.00 (baseline)", "-", "-", "-"));
        table.add(row("produced, acks=all, while ingest consumes", IngestTiming::producedPerSecond, base, false));
        table.add(row("produced → all stored (GetDataset open rows)", IngestTiming::storedPerSecond, base, true));
        List<String> sealed = new ArrayList<>(row("produced → sealed version holds all", IngestTiming::sealedPerSecond,
                base, false));
        sealed.set(sealed.size() - 1, verdict().yesNo());
        table.add(sealed);
        return table.lines();
    }

    private List<String> row(String measured, ToDoubleFunction<IngestTiming> perSecond, double base, boolean cores) {
        double median = median(perSecond);
        return List.of("ingest", measured,
                Figures.each(ingest.stream().map(perSecond::applyAsDouble).toList(), Figures::count),
                Figures.count(median), mebibytes(median), Figures.fixed(median / base),
                cores ? Figures.fixedOrDash(median(IngestTiming::ingestCores)) : "-",
                cores ? Figures.fixedOrDash(median(IngestTiming::machineCores)) : "-", "-");
    }

    private double median(ToDoubleFunction<IngestTiming> figure) {
        return Figures.median(ingest.stream().map(figure::applyAsDouble).toList());
    }

    private String mebibytes(double recordsPerSecond) {
        return Figures.fixed(recordsPerSecond * recordBytes / (1024.0 * 1024.0));
    }
}
