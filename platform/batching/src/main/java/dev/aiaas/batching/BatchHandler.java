package dev.aiaas.batching;

import java.util.List;

/**
 * Runs one merged batch: the endpoint's model call.
 *
 * @param <P> one request's payload
 * @param <R> one request's result
 */
@FunctionalInterface
public interface BatchHandler<P, R> {

    /**
     * Called on a worker thread, one batch at a time per worker.
     *
     * @param payloads  the batch's payloads in arrival order; unmodifiable
     * @param totalRows the sum of the requests' rows
     * @return one result per payload, in the same order
     * @throws Exception to fail every request of this batch with it; the worker goes on
     */
    List<R> run(List<P> payloads, int totalRows) throws Exception;
}
