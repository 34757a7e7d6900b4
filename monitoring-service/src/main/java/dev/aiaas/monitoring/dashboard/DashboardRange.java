package dev.aiaas.monitoring.dashboard;

import dev.aiaas.errors.DomainException;
import java.time.Duration;
import java.time.Instant;

/**
 * The time range and window width a dashboard call asks for: the last {@code minutes} (default
 * 60) up to now, in windows of {@code window} seconds (default 60). How long a range may be is
 * the reports' rule ({@code ReportRange}, {@code monitoring.metrics.max-range}).
 */
record DashboardRange(Instant from, Instant to, Duration width) {

    private static final long MOST = 1_000_000_000L;

    /**
     * @throws DomainException INVALID_ARGUMENT for a figure that is not a whole number from 1 on
     */
    static DashboardRange of(String minutes, String window) {
        Instant to = Instant.now();
        return new DashboardRange(to.minus(Duration.ofMinutes(whole("minutes", minutes, 60))), to,
                Duration.ofSeconds(whole("window", window, 60)));
    }

    private static long whole(String name, String value, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 1 && parsed <= MOST) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw DomainException.invalid(name + " must be a whole number from 1 to " + MOST + ", not '" + value + "'");
    }
}
