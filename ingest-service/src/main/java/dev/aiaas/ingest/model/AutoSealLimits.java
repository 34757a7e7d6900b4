package dev.aiaas.ingest.model;

import dev.aiaas.errors.DomainException;
import java.time.Duration;
import java.util.Optional;

/**
 * When ingest seals a dataset's open data by itself: once it holds {@code maxOpenRows} rows, or
 * once its oldest open row is {@code maxAgeSeconds} old, whichever comes first. 0 turns a limit
 * off; {@link #OFF} (both 0) leaves sealing to SealVersion alone.
 */
public record AutoSealLimits(long maxOpenRows, long maxAgeSeconds) {

    /** No limit: only SealVersion seals. */
    public static final AutoSealLimits OFF = new AutoSealLimits(0, 0);

    /** Checks that each limit is 0 (off) or positive; INVALID_ARGUMENT naming the one that is not. */
    public AutoSealLimits validated() {
        requireOffOrPositive("auto_seal.max_open_rows", maxOpenRows);
        requireOffOrPositive("auto_seal.max_age_seconds", maxAgeSeconds);
        return this;
    }

    /** Whether any limit is on. */
    public boolean enabled() {
        return maxOpenRows > 0 || maxAgeSeconds > 0;
    }

    /**
     * The limit that {@code open} has reached (the row limit when both have); empty when none
     * has, or when nothing is open.
     */
    public Optional<AutoSealReason> reachedBy(OpenData open) {
        if (open.rows() == 0) {
            return Optional.empty();
        }
        if (maxOpenRows > 0 && open.rows() >= maxOpenRows) {
            return Optional.of(AutoSealReason.ROWS);
        }
        if (maxAgeSeconds > 0 && open.oldestAge().compareTo(Duration.ofSeconds(maxAgeSeconds)) >= 0) {
            return Optional.of(AutoSealReason.AGE);
        }
        return Optional.empty();
    }

    private static void requireOffOrPositive(String field, long value) {
        if (value < 0) {
            throw DomainException.invalid(field + " must be 0 (off) or positive, got " + value);
        }
    }
}
