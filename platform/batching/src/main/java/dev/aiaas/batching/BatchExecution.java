package dev.aiaas.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs one formed batch through the handler and completes its jobs: each with its own result,
 * or all with the handler's failure. Nothing the handler does escapes to the worker loop.
 */
final class BatchExecution<P, R> {

    private final String endpoint;
    private final BatchHandler<P, R> handler;
    private final BatchStatistics statistics;

    BatchExecution(String endpoint, BatchHandler<P, R> handler, BatchStatistics statistics) {
        this.endpoint = endpoint;
        this.handler = handler;
        this.statistics = statistics;
    }

    void run(List<Job<P, R>> batch) {
        List<P> payloads = new ArrayList<>(batch.size());
        int rows = 0;
        for (Job<P, R> job : batch) {
            payloads.add(job.payload());
            rows += job.rows();
        }
        long start = System.nanoTime();
        List<R> results;
        try {
            results = handler.run(Collections.unmodifiableList(payloads), rows);
        } catch (Throwable failure) {
            // Any throwable, so that a model's Error fails its requests instead of a worker.
            statistics.recordExecution(rows, System.nanoTime() - start);
            failAll(batch, failure);
            return;
        }
        long end = System.nanoTime();
        statistics.recordExecution(rows, end - start);
        if (results == null || results.size() != batch.size()) {
            failAll(batch, new IllegalStateException("the handler of endpoint '" + endpoint + "' returned "
                    + (results == null ? "null" : results.size() + " results") + " for " + batch.size()
                    + " payloads; it must return one result per payload, in order"));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i), start, end, statistics);
        }
    }

    private void failAll(List<Job<P, R>> batch, Throwable cause) {
        for (Job<P, R> job : batch) {
            job.fail(cause, statistics);
        }
    }
}
