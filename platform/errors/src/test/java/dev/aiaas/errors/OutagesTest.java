package dev.aiaas.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void aLostConnectionAShutdownAndAnUnreachableStoreAreOutages() {
        assertThat(Outages.isOutage(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(Outages.isOutage(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(Outages.isOutage(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("cannot put a key",
                new UncheckedIOException(new ConnectException("Connection refused"))))).isTrue();
        RuntimeException rolledBack = new IllegalStateException("the transaction rolled back");
        rolledBack.addSuppressed(new Exception("commit failed", new SQLException("This connection has been closed.", "08003")));
        assertThat(Outages.isOutage(rolledBack)).as("a commit that lost its connection").isTrue();
        assertThat(Outages.isOutage(DomainException.unavailable("the database is not answering",
                new RuntimeException()))).isTrue();
    }

    @Test
    void aBadRecordAViolatedConstraintAndAMissingThingAreNot() {
        assertThat(Outages.isOutage(new IllegalArgumentException("not a PredictionLogged",
                new java.io.IOException("protocol message tag had invalid wire type")))).isFalse();
        assertThat(Outages.isOutage(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(Outages.isOutage(DomainException.notFound("no dataset named x"))).isFalse();
        assertThat(Outages.isOutage(DomainException.dataLoss("the manifest does not match", null))).isFalse();
    }

    @Test
    void workIsRunAgainThroughAnOutageUntilItCompletes() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String result = Outages.retryThrough("storing", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SQLException("connection lost", "08006");
            }
            return "stored";
        }, Duration.ofMillis(1), Duration.ofMillis(4));

        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> Outages.retryThrough("storing", () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("the record is not a PredictionLogged");
        }, Duration.ofMillis(1), Duration.ofMillis(4))).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }
}
