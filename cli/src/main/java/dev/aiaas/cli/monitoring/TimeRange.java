package dev.aiaas.cli.monitoring;

import com.google.protobuf.Timestamp;
import dev.aiaas.cli.CommandFailure;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The time range a report covers: {@code --since DURATION} (ending now) or {@code --from TIME}
 * and/or {@code --to TIME}. A bound left out is the service's (end: now; start: 24 hours before
 * the end).
 */
public final class TimeRange {

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationFlag.class,
            description = "the range ending now of this length: 90s, 15m, 1h, 7d, seconds or ISO-8601 (PT1H)")
    Duration since;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Between between;

    /** {@code --from} and {@code --to}, either or both. */
    static final class Between {
        @Option(names = "--from", paramLabel = "TIME", converter = TimeFlag.class,
                description = "the range's start, ISO-8601 (2026-12-01T09:00:00Z; without an offset: this machine's zone)")
        Instant from;

        @Option(names = "--to", paramLabel = "TIME", converter = TimeFlag.class,
                description = "the range's end, ISO-8601 (default: now)")
        Instant to;
    }

    /** The start to send, or null for the service's default. */
    Timestamp start(Instant now) {
        if (since != null) {
            return timestamp(now.minus(since));
        }
        check();
        return between == null || between.from == null ? null : timestamp(between.from);
    }

    /** The end to send, or null for now. */
    Timestamp end() {
        return between == null || between.to == null ? null : timestamp(between.to);
    }

    private void check() {
        if (between != null && between.from != null && between.to != null && !between.from.isBefore(between.to)) {
            throw CommandFailure.usage("--from " + between.from + " is not before --to " + between.to);
        }
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
