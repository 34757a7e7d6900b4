package dev.aiaas.cli.demo;

import java.io.PrintStream;

/** What one demo scenario measured, printed as its closing summary. */
public interface ScenarioSummary {

    void print(PrintStream out);
}
