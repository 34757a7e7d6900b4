/**
 * Dynamic batching for model serving, with no knowledge of the network layer.
 *
 * <p>A {@link dev.aiaas.batching.BatchQueue} is one endpoint's bounded queue and its worker
 * threads. Callers {@code submit} a payload and get a future; each worker merges queued
 * requests into one call of the endpoint's {@link dev.aiaas.batching.BatchHandler}, up to
 * {@link dev.aiaas.batching.BatchPolicy#maxBatchSize()} rows and within
 * {@link dev.aiaas.batching.BatchPolicy#maxQueueDelay()} of taking the batch's first request.
 * A full queue refuses work at once ({@link dev.aiaas.batching.QueueFullException}) rather
 * than letting latency grow without bound. {@link dev.aiaas.batching.BatchStatistics} keeps the
 * figures of the KServe v2 / Triton statistics extension.
 */
package dev.aiaas.batching;
