package dev.aiaas.monitoring.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.monitoring.config.MonitoringConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The time range and window width of a report, as a request asks for them: the same rules for
 * traffic (GetModelMetrics) and quality (GetModelQuality).
 *
 * @param start start of the range
 * @param end   end of the range (exclusive)
 * @param width width of the report's windows
 */
public record ReportRange(Instant start, Instant end, Duration width) {

    /**
     * @param width the asked window width; zero for {@code monitoring.default-report-window}
     * @param from  start of the range, or null for {@code metrics.default-range} before {@code to}
     * @param to    end of the range (exclusive), or null for now
     * @throws DomainException INVALID_ARGUMENT for a negative width, an empty range or one longer
     *                         than {@code metrics.max-range}
     */
    public static ReportRange of(MonitoringConfig config, Duration width, Instant from, Instant to) {
        if (width.isNegative()) {
            throw DomainException.invalid("window width must not be negative");
        }
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(config.defaultMetricsRange()) : from;
        if (!start.isBefore(end)) {
            throw DomainException.invalid("start_time " + start + " is not before end_time " + end);
        }
        if (Duration.between(start, end).compareTo(config.maxMetricsRange()) > 0) {
            throw DomainException.invalid("the range " + start + " to " + end + " is longer than the "
                    + config.maxMetricsRange() + " one report may cover: ask for a shorter one");
        }
        return new ReportRange(start, end, width.isZero() ? config.defaultReportWindow() : width);
    }

    /** The start of this report's window that holds {@code time}. */
    public Instant windowOf(Instant time) {
        return windowStart(time, width);
    }

    /** The start of the window of {@code width} (aligned to the epoch) that holds {@code time}. */
    public static Instant windowStart(Instant time, Duration width) {
        long widthMillis = Math.max(1, width.toMillis());
        long millis = time.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, widthMillis));
    }
}
