package dev.aiaas.cli.demo;

import java.io.PrintStream;

/** Timestamped progress lines: "[  12.3s] iris: sealed v1 (150 rows)". */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String format, Object... args) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
        out.flush();
    }

    public PrintStream out() {
        return out;
    }
}
