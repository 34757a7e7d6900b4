package dev.aiaas.cli.monitoring;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A length of time as an option value: a number of seconds ({@code 60}), a number with a unit
 * ({@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}) or ISO-8601 ({@code PT1H}); above zero
 * ({@link OrOff}: or zero, for a limit turned off).
 */
public class DurationFlag implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd]?)");

    private final boolean zeroIsOff;

    public DurationFlag() {
        this(false);
    }

    private DurationFlag(boolean zeroIsOff) {
        this.zeroIsOff = zeroIsOff;
    }

    /** As {@link DurationFlag}, and also {@code 0} (or {@code 0s}, {@code 0m}, …): a limit turned off. */
    public static final class OrOff extends DurationFlag {
        public OrOff() {
            super(true);
        }
    }

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration duration = parse(text);
        if (duration == null || duration.isNegative() || (duration.isZero() && !zeroIsOff)) {
            throw new TypeConversionException("'" + value + "' is not a length of time " + (zeroIsOff
                    ? "(0 for off)" : "above zero") + ": give seconds (60), a number with s, m, h or d (15m, 1h, 7d), "
                    + "or ISO-8601 (PT1H)");
        }
        return duration;
    }

    private static Duration parse(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
