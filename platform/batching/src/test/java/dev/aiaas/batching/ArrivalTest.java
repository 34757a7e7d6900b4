package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ArrivalTest {

    @Test
    void aLoneAnnouncedRequestRunsAtOnceInsteadOfWaitingOutTheDelay() throws Exception {
        RecordingHandler handler = RecordingHandler.doubling();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("lone", policy(64, 1_000, 16, 1), handler)) {
            long started = System.nanoTime();
            CompletableFuture<Integer> answer;
            try (Arrival arrival = queue.announce()) {
                answer = queue.submit(21, 1, NO_DEADLINE);
            }

            assertThat(resultOf(answer)).isEqualTo(42);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(500);
        }
    }

    @Test
    void aBatchWaitsForARequestThatIsOnItsWay() throws Exception {
        RecordingHandler handler = RecordingHandler.doubling();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("company", policy(64, 1_000, 16, 1), handler)) {
            Arrival onItsWay = queue.announce();
            CompletableFuture<Integer> first;
            try (Arrival arrival = queue.announce()) {
                first = queue.submit(1, 1, NO_DEADLINE);
            }
            Thread.sleep(100); // the worker holds the batch open for the announced request
            CompletableFuture<Integer> second = queue.submit(2, 1, NO_DEADLINE);
            onItsWay.close();

            assertThat(resultOf(first)).isEqualTo(2);
            assertThat(resultOf(second)).isEqualTo(4);
            assertThat(handler.batches()).containsExactly(List.of(1, 2));
        }
    }

    @Test
    void anAnnouncedRequestThatIsGivenUpStopsTheWait() throws Exception {
        RecordingHandler handler = RecordingHandler.doubling();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("given-up", policy(64, 1_000, 16, 1), handler)) {
            Arrival abandoned = queue.announce();
            CompletableFuture<Integer> first;
            try (Arrival arrival = queue.announce()) {
                first = queue.submit(5, 1, NO_DEADLINE);
            }
            long started = System.nanoTime();
            Thread.sleep(50);
            abandoned.close(); // its decoding failed: nothing more is coming
            abandoned.close(); // idempotent

            assertThat(resultOf(first)).isEqualTo(10);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(800);
        }
    }
}
