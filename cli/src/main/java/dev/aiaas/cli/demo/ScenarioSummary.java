package dev.aiaas.cli.demo;

import java.io.PrintStream;

/** What one demo scenario measured, printed as its closing summary. */
public interface ScenarioSummary {

    void print(PrintStream out);

    /**
     * Whether what the scenario set out to show ended in failure, though it had a summary to print
     * (a retraining run that failed): {@code aiaas demo} then exits 7 after printing it.
     */
    default boolean failed() {
        return false;
    }
}
