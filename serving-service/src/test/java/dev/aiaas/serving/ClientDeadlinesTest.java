package dev.aiaas.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.serving.grpc.ClientDeadlinesProbe;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gRPC deadline a client sends as {@code grpc-timeout} becomes the request's deadline in the server. */
class ClientDeadlinesTest {

    @Test
    void everyTimeoutUnitOfTheProtocolIsRead() {
        assertThat(ClientDeadlinesProbe.remainingMillis("20m")).isBetween(15L, 20L);
        assertThat(ClientDeadlinesProbe.remainingMillis("3S")).isBetween(2_990L, 3_000L);
        assertThat(ClientDeadlinesProbe.remainingMillis("1M")).isBetween(TimeUnit.MINUTES.toMillis(1) - 10, 60_000L);
        assertThat(ClientDeadlinesProbe.remainingMillis("1H")).isBetween(TimeUnit.HOURS.toMillis(1) - 10, 3_600_000L);
        assertThat(ClientDeadlinesProbe.remainingMillis("5000u")).isBetween(0L, 5L);
        assertThat(ClientDeadlinesProbe.remainingMillis("900000000n")).isBetween(890L, 900L);
    }

    @Test
    void aMissingOrMalformedTimeoutMeansNoDeadline() {
        assertThat(ClientDeadlinesProbe.remainingMillis(null)).isNull();
        assertThat(ClientDeadlinesProbe.remainingMillis("")).isNull();
        assertThat(ClientDeadlinesProbe.remainingMillis("12")).isNull();
        assertThat(ClientDeadlinesProbe.remainingMillis("abcm")).isNull();
        assertThat(ClientDeadlinesProbe.remainingMillis("10x")).isNull();
    }
}
