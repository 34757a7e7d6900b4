package dev.aiaas.bench.training;

import dev.aiaas.bench.report.Figures;
import dev.aiaas.bench.report.MarkdownTable;
import dev.aiaas.bench.report.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Both sides of the training benchmark as one comparison table and the goal: the service's
 * overhead (its median wall time less the bare loop's) at most {@link #GOAL_SHARE} of the bare
 * loop's median.
 *
 * @param epochs  epochs of every measured run
 * @param bare    the bare loop's runs
 * @param service the service's runs
 */
record TrainingResults(int epochs, List<TrainingRun> bare, List<TrainingRun> service) {

    static final double GOAL_SHARE = 0.05;
    static final List<String> HEADER = List.of("side", "timed", "s each run", "s (median)", "vs bare loop",
            "overhead s", "s per epoch", "test accuracy", "queued s", "in worker s", "after last epoch s",
            "goal ≤ 5 %");
    private static final Set<Integer> WORD_COLUMNS = Set.of(0, 1);

    TrainingResults {
        bare = List.copyOf(bare);
        service = List.copyOf(service);
        if (bare.isEmpty() || service.isEmpty() || service.stream().anyMatch(r -> r.job().isEmpty())) {
            throw new IllegalArgumentException("need at least one run of each side, the service's with their job times");
        }
    }

    /** Median wall time through the service less the bare loop's, in seconds. */
    double overheadSeconds() {
        return median(service, TrainingRun::seconds) - median(bare, TrainingRun::seconds);
    }

    double overheadShare() {
        return overheadSeconds() / median(bare, TrainingRun::seconds);
    }

    Verdict verdict() {
        return new Verdict("Service overhead (median wall time through the service less the bare loop's) ≤ "
                + Figures.percent(GOAL_SHARE) + " of the bare loop's median",
                String.format(Locale.ROOT, "%+.1f s, %s of %.1f s", overheadSeconds(),
                        Figures.percentOneDecimal(overheadShare()), median(bare, TrainingRun::seconds)),
                overheadShare() <= GOAL_SHARE);
    }

    List<String> table() {
        double base = median(bare, TrainingRun::seconds);
        double ours = median(service, TrainingRun::seconds);
        MarkdownTable table = new MarkdownTable(HEADER, WORD_COLUMNS);
        table.add(List.of("bare loop", "ModelTrainer.train in the benchmark's JVM", each(bare), Figures.oneDecimal(base),
                "1.00 (baseline)", "-", perEpoch(bare), accuracies(bare), "-", "-", "-", "-"));
        table.add(List.of("training service", "SubmitJob until GetJob says SUCCEEDED", each(service),
                Figures.oneDecimal(ours), Figures.fixed(ours / base), String.format(Locale.ROOT, "%+.1f",
                        ours - base), perEpoch(service), accuracies(service),
                Figures.oneDecimal(median(service, r -> r.job().orElseThrow().queued())),
                Figures.oneDecimal(median(service, r -> r.job().orElseThrow().inWorker())),
                Figures.oneDecimal(median(service, r -> r.job().orElseThrow().afterLastEpoch())),
                verdict().yesNo()));
        return table.lines();
    }

    private static String each(List<TrainingRun> runs) {
        return Figures.each(runs.stream().map(TrainingRun::seconds).toList(), Figures::oneDecimal);
    }

    /** The median of the runs' mean epochs, in seconds with two decimals. */
    private static String perEpoch(List<TrainingRun> runs) {
        return Figures.fixedOrDash(median(runs, TrainingRun::epochSeconds));
    }

    private static String accuracies(List<TrainingRun> runs) {
        return Figures.each(runs.stream().map(TrainingRun::testAccuracy).toList(),
                a -> String.format(Locale.ROOT, "%.4f", a));
    }

    private static double median(List<TrainingRun> runs, ToDoubleFunction<TrainingRun> figure) {
        return Figures.median(runs.stream().map(figure::applyAsDouble).toList());
    }
}
