package dev.aiaas.localstack;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the supervisor waits before restarting a service that exited: {@code first} after
 * the first exit, doubling with each exit that follows too soon, never more than {@code cap}.
 * A process that stayed up for {@code stableAfter} had recovered, so its next exit starts again
 * at {@code first}. A value: each exit gives the back-off for the next one.
 *
 * <pre>{@code
 * RestartBackoff backoff = RestartBackoff.STANDARD.afterExit(uptime);  // delay() 1 s
 * backoff = backoff.afterExit(uptime);                                  // delay() 2 s, 4 s, … 30 s
 * }</pre>
 *
 * @param first       the delay after a first exit (or the first after a stable run)
 * @param cap         the longest delay
 * @param stableAfter how long a process must stay up for its next exit to count as a first one
 * @param streak      exits in a row, each sooner than {@code stableAfter} after its start; 0 before any
 */
record RestartBackoff(Duration first, Duration cap, Duration stableAfter, int streak) {

    /** 1 s doubling to 30 s; reset by a minute up. */
    static final RestartBackoff STANDARD = of(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    RestartBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || streak < 0) {
            throw new IllegalArgumentException("a back-off needs 0 < first <= cap and streak >= 0; was first "
                    + first + ", cap " + cap + ", streak " + streak);
        }
    }

    /** A policy before any exit. */
    static RestartBackoff of(Duration first, Duration cap, Duration stableAfter) {
        return new RestartBackoff(first, cap, stableAfter, 0);
    }

    /** The back-off after a process that ran for {@code uptime} exited. */
    RestartBackoff afterExit(Duration uptime) {
        int next = uptime.compareTo(stableAfter) >= 0 ? 1 : streak + 1;
        return new RestartBackoff(first, cap, stableAfter, next);
    }

    /** How long to wait before the restart the last exit calls for; zero before any exit. */
    Duration delay() {
        if (streak == 0) {
            return Duration.ZERO;
        }
        Duration delay = first;
        // Doubling stops at the cap, so a long streak cannot overflow.
        for (int i = 1; i < streak && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
