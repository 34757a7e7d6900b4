package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterEstimateTest {

    @Test
    void aFullQueueNeedsItsBatchesAheadTimesTheMeanHandlerTimeSharedByTheInstances() {
        BatchStatistics statistics = new BatchStatistics();
        statistics.recordExecution(8, Duration.ofMillis(3).toNanos());
        statistics.recordExecution(8, Duration.ofMillis(5).toNanos());

        // 64 requests at 8 rows a batch: 8 batches, 4 rounds on 2 instances, of 4 ms + 1 ms.
        assertThat(RetryAfterEstimate.of(policy(8, 1, 64, 2), statistics)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void withoutMeasurementsItAssumesTenMillisecondBatchesAndStaysWithinItsBounds() {
        BatchStatistics fresh = new BatchStatistics();

        assertThat(RetryAfterEstimate.of(policy(1, 0, 3, 1), fresh)).isEqualTo(Duration.ofMillis(30));
        assertThat(RetryAfterEstimate.of(policy(65_536, 0, 1, 64), fresh)).isEqualTo(Duration.ofMillis(10));
        assertThat(RetryAfterEstimate.of(policy(1, 1000, 1_000_000, 1), fresh)).isEqualTo(Duration.ofSeconds(30));

        BatchStatistics instant = new BatchStatistics();
        instant.recordExecution(1, 0);
        assertThat(RetryAfterEstimate.of(policy(1, 0, 1, 1), instant)).isEqualTo(Duration.ofMillis(1));
    }
}
