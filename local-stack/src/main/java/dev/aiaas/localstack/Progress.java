package dev.aiaas.localstack;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line per step of a long operation, stamped with the time since it began:
 * {@code [  3.1s] kafka ready on 127.0.0.1:19092}. Safe to call from several threads; lines
 * never interleave.
 */
public final class Progress {

    private final PrintStream out;
    private final long startNanos;

    public Progress(PrintStream out) {
        this(out, System.nanoTime());
    }

    Progress(PrintStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    /** A progress that prints nothing (a library caller that has its own reporting). */
    public static Progress silent() {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()));
    }

    /** Prints {@code message} with the elapsed time in front. */
    public void step(String message) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%5.1fs] %s%n", elapsedSeconds(), message);
            out.flush();
        }
    }

    /** Prints {@code text} as it is, without a time stamp (tables, summaries). */
    public void print(String text) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    /** Seconds since this progress began. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
