package dev.aiaas.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchPolicyTest {

    @Test
    void defaultsAreSixtyFourRowsHalfAMillisecondAThousandRequestsOneInstance() {
        BatchPolicy defaults = BatchPolicy.defaults();

        assertThat(defaults.maxBatchSize()).isEqualTo(64);
        assertThat(defaults.maxQueueDelay()).isEqualTo(Duration.ofNanos(500_000));
        assertThat(defaults.queueCapacity()).isEqualTo(1024);
        assertThat(defaults.instances()).isEqualTo(1);
    }

    @Test
    void acceptsEveryBoundOfItsRanges() {
        BatchPolicy smallest = new BatchPolicy(1, Duration.ZERO, 1, 1);
        BatchPolicy largest = new BatchPolicy(65_536, Duration.ofSeconds(1), 1_000_000, 64);

        assertThat(smallest.maxQueueDelay()).isZero();
        assertThat(largest.maxBatchSize()).isEqualTo(65_536);
    }

    @Test
    void batchSizeOutsideOneTo65536IsRefusedWithTheRangeAndTheValue() {
        assertThatThrownBy(() -> new BatchPolicy(0, Duration.ZERO, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatchSize must be between 1 and 65536 rows, was 0");
        assertThatThrownBy(() -> new BatchPolicy(65_537, Duration.ZERO, 1, 1))
                .hasMessageContaining("was 65537");
    }

    @Test
    void queueDelayMustBeSetAndBetweenZeroAndOneSecond() {
        assertThatThrownBy(() -> new BatchPolicy(1, null, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxQueueDelay must be set")
                .hasMessageContaining("Duration.ZERO");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ofMillis(-1), 1, 1))
                .hasMessageStartingWith("maxQueueDelay must be between 0 and PT1S, was PT-0.001S");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ofMillis(1001), 1, 1))
                .hasMessageContaining("was PT1.001S");
    }

    @Test
    void queueCapacityAndInstancesAreBoundedToo() {
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ZERO, 0, 1))
                .hasMessage("queueCapacity must be between 1 and 1000000 requests, was 0");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ZERO, 1_000_001, 1))
                .hasMessageContaining("was 1000001");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ZERO, 1, 65))
                .hasMessage("instances must be between 1 and 64 worker threads, was 65");
        assertThatThrownBy(() -> new BatchPolicy(1, Duration.ZERO, 1, 0))
                .hasMessageContaining("was 0");
    }
}
