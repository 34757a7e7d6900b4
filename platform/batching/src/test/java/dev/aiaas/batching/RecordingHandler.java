package dev.aiaas.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A handler that doubles every payload and records each batch it was given. It can hold its
 * first batch until released, which lets a test queue requests behind a busy worker and so
 * decide exactly which requests the next batch finds waiting.
 */
final class RecordingHandler implements BatchHandler<Integer, Integer> {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> rows = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch release;

    private RecordingHandler(boolean holdFirst) {
        this.release = new CountDownLatch(holdFirst ? 1 : 0);
    }

    static RecordingHandler doubling() {
        return new RecordingHandler(false);
    }

    static RecordingHandler holdingFirstBatch() {
        return new RecordingHandler(true);
    }

    @Override
    public List<Integer> run(List<Integer> payloads, int totalRows) throws Exception {
        batches.add(List.copyOf(payloads));
        rows.add(totalRows);
        if (firstEntered.getCount() > 0) {
            firstEntered.countDown();
            if (!release.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the first batch");
            }
        }
        return payloads.stream().map(p -> p * 2).toList();
    }

    /** Blocks until the worker is inside the first batch. */
    void awaitFirstBatch() throws InterruptedException {
        if (!firstEntered.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the worker never started the first batch");
        }
    }

    void release() {
        release.countDown();
    }

    List<List<Integer>> batches() {
        return List.copyOf(batches);
    }

    List<Integer> rowsPerBatch() {
        return List.copyOf(rows);
    }
}
