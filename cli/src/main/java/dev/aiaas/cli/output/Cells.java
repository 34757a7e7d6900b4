package dev.aiaas.cli.output;

import com.google.protobuf.Timestamp;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How values look in a table cell: times to the second in the local zone, figures to four places. */
public final class Cells {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Cells() {
    }

    /** A timestamp, or "-" when unset. */
    public static String time(Timestamp timestamp) {
        if (timestamp == null || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
            return "-";
        }
        return TIME.format(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }

    public static String figure(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** {@code accuracy=0.9712 f1_macro=0.9650}, by name; "-" when empty. */
    public static String figures(Map<String, Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + "=" + figure(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /**
     * A figure to four significant digits ({@code 0.9712}, {@code 1.235}, {@code 0.00012}); a whole
     * number in full ({@code 120}), since rounding a count would misstate it.
     */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code accuracy_champion=0.9712 samples_challenger=120}, by name, to four significant digits; "-" when empty. */
    public static String significantFigures(Map<String, Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + "=" + significant(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** Text, or "-" when empty. */
    public static String text(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
