package dev.aiaas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --name value} pairs of a benchmark's command line, and the checks its values
 * share. Every failure is an IllegalArgumentException whose message says what is wrong; the
 * message "help" asks for the usage.
 */
public final class OptionPairs {

    /** One option and its value. */
    public record Pair(String option, String value) {
    }

    private OptionPairs() {
    }

    /** The pairs in order; {@code --help} or {@code -h} anywhere throws "help". */
    public static List<Pair> of(String[] args) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            pairs.add(new Pair(option, args[++i]));
        }
        return pairs;
    }

    /** A whole number from {@code min} to {@code max}; {@code 100_000} and {@code 100,000} read as 100000. */
    public static int whole(Pair pair, int min, int max) {
        try {
            int number = Integer.parseInt(pair.value().replace("_", "").replace(",", ""));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(pair.option() + " takes a whole number from " + min + " to " + max
                + ", got '" + pair.value() + "'");
    }

    /** A number above 0 and at most {@code max}. */
    public static double positive(Pair pair, double max) {
        try {
            double number = Double.parseDouble(pair.value());
            if (number > 0 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(pair.option() + " takes a number above 0 and at most " + max + ", got '"
                + pair.value() + "'");
    }

    /** {@code --readme FILE|none}: the README to rewrite a section of, or null for none. */
    public static Path readme(Pair pair) {
        return pair.value().equals("none") ? null : Path.of(pair.value()).toAbsolutePath();
    }

    /** An unknown option. */
    public static IllegalArgumentException unknown(Pair pair) {
        return new IllegalArgumentException("unknown option " + pair.option());
    }
}
