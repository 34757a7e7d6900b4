package dev.aiaas.cli.monitoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A moment as an option value, ISO-8601: with an offset ({@code 2026-12-01T09:00:00Z},
 * {@code 2026-12-01T10:00+01:00}), or a local date-time or date, read in this machine's zone
 * as the tables print times.
 */
public final class TimeFlag implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            // a local time: tried below
        }
        try {
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException notLocal) {
            // a date: tried below
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 time: give 2026-12-01T09:00:00Z, "
                    + "2026-12-01T10:00 (this machine's zone) or 2026-12-01");
        }
    }
}
