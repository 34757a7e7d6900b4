package dev.aiaas.cli.demo;

import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What the drift scenario saw: the champion and its live accuracy on normal traffic, the drifted
 * version ingest sealed by itself, every decision of the retraining run that followed, and the
 * champion after it with both models' live accuracy on the drifted traffic.
 *
 * @param endpoint       the dataset, model and endpoint the run used
 * @param base           the name asked for: another when an earlier run had taken it
 * @param championBefore the champion's version trained on the normal data (v1)
 * @param normalAccuracy its live accuracy on the normal traffic, NaN when none was judged in time
 * @param normalJudged   the normal requests judged with their ground truth
 * @param driftedVersion the dataset version ingest sealed from the drifted rows
 * @param decisions      the run's decisions, oldest first; the last one ended it
 * @param traffic        what the drifted traffic did ({@link LabelledTraffic#describe()})
 */
public record DriftSummary(String endpoint, String base, long championBefore, double normalAccuracy,
        long normalJudged, long driftedVersion, List<Decision> decisions, String traffic, double seconds)
        implements ScenarioSummary {

    public DriftSummary {
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("a run that ended has at least its ending decision");
        }
        decisions = List.copyOf(decisions);
    }

    /** The decision that ended the run. */
    public Decision ending() {
        return decisions.get(decisions.size() - 1);
    }

    /** How the run ended: PROMOTE, ROLL_BACK or FAIL. */
    public DecisionAction ended() {
        return ending().getAction();
    }

    /** The champion after the run: the challenger when it was promoted, else the one before. */
    public long championAfter() {
        return ended() == DecisionAction.PROMOTE ? ending().getChallengerVersion() : championBefore;
    }

    /** A figure of the ending decision ({@code accuracy_challenger}, …), NaN when it has none of that name. */
    public double figure(String name) {
        return ending().getFiguresMap().getOrDefault(name, Double.NaN);
    }

    /** The run could not go on (a failed job, a refused call): the loop showed nothing to judge. */
    @Override
    public boolean failed() {
        return ended() == DecisionAction.FAIL;
    }

    @Override
    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "=== aiaas demo: drift (the retraining loop on Iris: every measurement +%.1f cm) ===%n",
                DriftScenario.SHIFT);
        out.printf("dataset, model and endpoint %s%s%n", endpoint, endpoint.equals(base) ? ""
                : " (" + base + " was taken by an earlier run)");
        out.printf(Locale.ROOT, "champion before: %s v%d, live accuracy %s on %d judged normal requests%n", endpoint,
                championBefore, Double.isNaN(normalAccuracy) ? "-" : String.format(Locale.ROOT, "%.4f",
                        normalAccuracy), normalJudged);
        out.printf("the world drifted: %d new labelled rows sent to ingest, sealed by ingest itself as v%d%n",
                DriftScenario.DRIFTED_ROWS, driftedVersion);
        out.printf("the run ended: %s; champion after: %s v%d%s%n", LoopLines.action(ended()), endpoint,
                championAfter(), championAfter() == championBefore ? " (unchanged)" : "");
        out.println(accuracies());
        out.println("decisions, in order:");
        decisions.forEach(d -> out.println("  " + LoopLines.decision(d)));
        out.println("drifted traffic: " + traffic);
        out.printf("look further: aiaas retraining decisions %s; aiaas quality %s; aiaas drift %s%n", endpoint,
                endpoint, endpoint);
        out.printf(Locale.ROOT, "%nthe drift scenario took %.1f s%n", seconds);
    }

    /** Both models' live accuracy on the drifted traffic, as the ending decision was made on it. */
    String accuracies() {
        double champion = figure("accuracy_champion");
        double challenger = figure("accuracy_challenger");
        if (Double.isNaN(champion) || Double.isNaN(challenger)) {
            return "on the drifted traffic: the ending decision was made on no accuracy figures (aiaas quality "
                    + endpoint + " has them)";
        }
        return String.format(Locale.ROOT, "on the drifted traffic: champion v%d accuracy %.4f%s, challenger v%d "
                        + "accuracy %.4f%s", ending().getChampionVersion(), champion, samples("samples_champion"),
                ending().getChallengerVersion(), challenger, samples("samples_challenger"));
    }

    private String samples(String name) {
        double count = figure(name);
        return Double.isNaN(count) ? "" : String.format(Locale.ROOT, " (%d judged requests)", (long) count);
    }
}
