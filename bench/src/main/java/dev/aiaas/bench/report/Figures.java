package dev.aiaas.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** How the benchmarks print numbers (Locale.ROOT, thousands separated), and the median they report. */
public final class Figures {

    private Figures() {
    }

    /** {@code 12,345}; "-" for a figure that is not finite. */
    public static String count(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "-";
    }

    /** Two decimals: {@code 0.75}. */
    public static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Two decimals, or "-" for a figure that is not finite (not measured). */
    public static String fixedOrDash(double value) {
        return Double.isFinite(value) ? fixed(value) : "-";
    }

    /** One decimal: {@code 41.3}. */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A share as a whole percentage: {@code 0.437} as {@code 44 %}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** A share as a percentage with one decimal: {@code 0.0437} as {@code 4.4 %}. */
    public static String percentOneDecimal(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** The middle value, or the mean of the two middle ones for an even count. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Values joined for one table cell: {@code 41.2; 40.8}. */
    public static String each(List<Double> values, DoubleFunction<String> format) {
        return String.join("; ", values.stream().map(format::apply).toList());
    }
}
