package dev.aiaas.ingest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AutoSealLimitsTest {

    @Test
    void aNegativeLimitIsRefusedNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> new AutoSealLimits(-3, 0).validated())
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage("auto_seal.max_open_rows must be 0 (off) or positive, got -3");
        assertThatThrownBy(() -> new AutoSealLimits(10, -1).validated())
                .hasMessage("auto_seal.max_age_seconds must be 0 (off) or positive, got -1");
        assertThat(AutoSealLimits.OFF.validated()).isEqualTo(AutoSealLimits.OFF);
    }

    @Test
    void theRowLimitIsReachedWhenTheOpenRowsEqualIt() {
        AutoSealLimits limits = new AutoSealLimits(100, 0);

        assertThat(limits.reachedBy(open(99, 3600))).isEmpty();
        assertThat(limits.reachedBy(open(100, 0))).contains(AutoSealReason.ROWS);
        assertThat(limits.reachedBy(open(250, 0))).contains(AutoSealReason.ROWS);
    }

    @Test
    void theAgeLimitIsReachedWhenTheOldestOpenRowIsThatOld() {
        AutoSealLimits limits = new AutoSealLimits(0, 600);

        assertThat(limits.reachedBy(new OpenData(1_000_000, Duration.ofSeconds(600).minusMillis(1)))).isEmpty();
        assertThat(limits.reachedBy(open(1, 600))).contains(AutoSealReason.AGE);
    }

    @Test
    void whenBothAreReachedTheRowLimitIsTheReason() {
        assertThat(new AutoSealLimits(10, 60).reachedBy(open(10, 61))).contains(AutoSealReason.ROWS);
        assertThat(new AutoSealLimits(10, 60).reachedBy(open(9, 61))).contains(AutoSealReason.AGE);
    }

    @Test
    void nothingOpenOrNoLimitNeverSeals() {
        assertThat(new AutoSealLimits(1, 1).reachedBy(OpenData.NONE)).isEmpty();
        assertThat(AutoSealLimits.OFF.reachedBy(open(1_000_000, 86_400))).isEmpty();
        assertThat(AutoSealLimits.OFF.enabled()).isFalse();
        assertThat(new AutoSealLimits(0, 1).enabled()).isTrue();
    }

    private static OpenData open(long rows, long oldestAgeSeconds) {
        return new OpenData(rows, Duration.ofSeconds(oldestAgeSeconds));
    }
}
