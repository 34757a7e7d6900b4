package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final Duration QUICK = Duration.ofSeconds(5);

    @Test
    void theFirstExitIsRestartedAfterOneSecond() {
        assertThat(RestartBackoff.STANDARD.afterExit(QUICK).delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachQuickExitDoublesTheDelayUntilThirtySeconds() {
        RestartBackoff backoff = RestartBackoff.STANDARD;
        List<Long> delays = new ArrayList<>();
        for (int exit = 0; exit < 8; exit++) {
            backoff = backoff.afterExit(QUICK);
            delays.add(backoff.delay().toSeconds());
        }

        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aProcessThatStayedUpAMinuteStartsTheBackoffAgain() {
        RestartBackoff crashLoop = RestartBackoff.STANDARD.afterExit(QUICK).afterExit(QUICK).afterExit(QUICK);
        assertThat(crashLoop.delay()).isEqualTo(Duration.ofSeconds(4));

        assertThat(crashLoop.afterExit(Duration.ofSeconds(60)).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(crashLoop.afterExit(Duration.ofSeconds(59)).delay()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aCrashLoopOfAnyLengthWaitsNoLongerThanTheCap() {
        RestartBackoff longLoop = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Integer.MAX_VALUE - 1);

        assertThat(longLoop.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(longLoop.afterExit(QUICK).delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCapBelowTheFirstDelayIsRefused() {
        assertThatThrownBy(() -> RestartBackoff.of(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 < first <= cap");
    }
}
