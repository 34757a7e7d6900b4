package dev.aiaas.bench.report;

import dev.aiaas.localstack.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README section of a benchmark that compares the platform with one baseline: when and
 * where it ran, the workload in a sentence or two, the comparison table and the goal.
 */
public final class ComparisonSection {

    private ComparisonSection() {
    }

    /**
     * @param loadBefore the machine's load average when measuring began ({@link MachineInfo#loadAverage()})
     * @param loadAfter  and when it ended
     */
    public static List<String> lines(String runLine, String workload, List<String> table, Verdict verdict,
            double loadBefore, double loadAfter) {
        List<String> lines = new ArrayList<>();
        lines.add(runLine);
        lines.add("");
        lines.add(workload);
        lines.add("");
        lines.addAll(table);
        lines.add("");
        lines.add("The machine's one-minute load average (runnable threads, this run's own included) was "
                + Figures.fixedOrDash(loadBefore) + " when measuring began and " + Figures.fixedOrDash(loadAfter)
                + " when it ended, on " + Runtime.getRuntime().availableProcessors() + " cores.");
        lines.add("");
        lines.add("Goal, as measured in this run:");
        lines.add("");
        lines.add(verdict.markdown());
        return lines;
    }

    /** Prints the section and, unless {@code readme} is null, writes it between its markers there. */
    public static void publish(List<String> section, MarkedSection markers, Path readme, Progress progress)
            throws IOException {
        System.out.println();
        section.forEach(System.out::println);
        System.out.println();
        if (readme != null) {
            markers.write(readme, section);
            progress.step("results written to " + readme);
        }
    }
}
