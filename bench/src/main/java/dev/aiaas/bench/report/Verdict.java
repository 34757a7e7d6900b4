package dev.aiaas.bench.report;

/**
 * One goal judged against one measured figure.
 *
 * @param goal     what was asked, e.g. "ingest ≥ 50 % of the baseline's records/s"
 * @param measured what this run measured, e.g. "43 % of the baseline"
 * @param met      whether the figure meets the goal
 */
public record Verdict(String goal, String measured, boolean met) {

    /** A Markdown list item: {@code - goal: measured: met} (or {@code **not met**}). */
    public String markdown() {
        return "- " + goal + ": " + measured + ": " + (met ? "met" : "**not met**");
    }

    /** {@code yes} or {@code no}, for a table cell. */
    public String yesNo() {
        return met ? "yes" : "no";
    }
}
