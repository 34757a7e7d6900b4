package dev.aiaas.batching;

import static dev.aiaas.batching.Submissions.NO_DEADLINE;
import static dev.aiaas.batching.Submissions.failureOf;
import static dev.aiaas.batching.Submissions.policy;
import static dev.aiaas.batching.Submissions.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandlerFailureTest {

    /** Holds its first batch; throws for any batch holding a negative payload. */
    private static final class FailingOnNegatives implements BatchHandler<Integer, Integer> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final IllegalArgumentException failure = new IllegalArgumentException("model rejects negatives");

        @Override
        public List<Integer> run(List<Integer> payloads, int totalRows) throws Exception {
            batches.add(List.copyOf(payloads));
            if (entered.getCount() > 0) {
                entered.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            if (payloads.stream().anyMatch(p -> p < 0)) {
                throw failure;
            }
            return payloads.stream().map(p -> p * 2).toList();
        }
    }

    @Test
    void aThrowingHandlerFailsExactlyTheRequestsOfItsBatchAndTheNextBatchSucceeds() throws Exception {
        FailingOnNegatives handler = new FailingOnNegatives();
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("flaky", policy(2, 0, 16, 1), handler)) {
            CompletableFuture<Integer> before = queue.submit(1, 2, NO_DEADLINE);
            assertThat(handler.entered.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> poisoned = queue.submit(-1, 1, NO_DEADLINE);
            CompletableFuture<Integer> bystander = queue.submit(3, 1, NO_DEADLINE);
            CompletableFuture<Integer> nextBatch = queue.submit(4, 2, NO_DEADLINE);
            handler.release.countDown();

            assertThat(resultOf(before)).isEqualTo(2);
            assertThat(failureOf(poisoned)).isSameAs(handler.failure);
            assertThat(failureOf(bystander)).isSameAs(handler.failure);
            assertThat(resultOf(nextBatch)).isEqualTo(8);
            assertThat(handler.batches).containsExactly(List.of(1), List.of(-1, 3), List.of(4));
            assertThat(queue.statistics().failureCount()).isEqualTo(2);
            assertThat(queue.statistics().executionCount()).isEqualTo(3);
        }
    }

    @Test
    void aHandlerReturningTheWrongNumberOfResultsFailsItsBatchWithIllegalState() throws Exception {
        BatchHandler<Integer, Integer> dropsOne =
                (payloads, rows) -> payloads.size() > 1 ? payloads.subList(1, payloads.size()) : payloads;
        RecordingHandler gate = RecordingHandler.holdingFirstBatch();
        BatchHandler<Integer, Integer> handler = (payloads, rows) -> {
            gate.run(payloads, rows);
            return dropsOne.run(payloads, rows);
        };
        try (BatchQueue<Integer, Integer> queue = new BatchQueue<>("short", policy(2, 0, 16, 1), handler)) {
            CompletableFuture<Integer> alone = queue.submit(9, 2, NO_DEADLINE);
            gate.awaitFirstBatch();
            CompletableFuture<Integer> a = queue.submit(1, 1, NO_DEADLINE);
            CompletableFuture<Integer> b = queue.submit(2, 1, NO_DEADLINE);
            gate.release();

            assertThat(resultOf(alone)).isEqualTo(9);
            assertThat(failureOf(a))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the handler of endpoint 'short' returned 1 results for 2 payloads;"
                            + " it must return one result per payload, in order");
            assertThat(failureOf(b)).isInstanceOf(IllegalStateException.class);
            assertThat(resultOf(queue.submit(5, 1, NO_DEADLINE))).isEqualTo(5);
        }
    }
}
