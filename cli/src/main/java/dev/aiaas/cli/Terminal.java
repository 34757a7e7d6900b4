package dev.aiaas.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a command writes and reads: answers to {@code out}, progress and errors to {@code err}
 * (so that {@code --output json} stays parseable), questions from {@code in} when a person is
 * at it ({@code interactive}).
 */
public record Terminal(PrintStream out, PrintStream err, InputStream in, boolean interactive) {

    /** The process's own streams; interactive when the JVM has a console. */
    public static Terminal system() {
        return new Terminal(System.out, System.err, System.in, System.console() != null);
    }

    /** Asks a yes/no question on {@code err} and reads the answer; anything but y or yes is no. */
    public boolean confirm(String question) {
        err.print(question + " [y/N] ");
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer from the terminal", e);
        }
    }
}
