package dev.aiaas.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One endpoint's bounded queue and its worker threads ("model instances"). Each of the
 * {@link BatchPolicy#instances()} daemon threads, named {@code batch-<name>-<i>}, forms a batch
 * (see {@link BatchAggregator}), runs it through the handler and completes the requests'
 * futures on its own thread.
 *
 * @param <P> one request's payload
 * @param <R> one request's result
 */
public final class BatchQueue<P, R> implements AutoCloseable {

    /** How long close waits for running batches before interrupting their workers. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final BatchPolicy policy;
    // Linked rather than array-backed: a capacity of up to a million costs nothing until used.
    private final BlockingQueue<Job<P, R>> queue;
    private final BatchStatistics statistics = new BatchStatistics();
    private final Arrivals arrivals = new Arrivals();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    public BatchQueue(String name, BatchPolicy policy, BatchHandler<P, R> handler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a batch queue needs the endpoint's name, for its threads and errors");
        }
        this.name = name;
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(handler, "handler");
        this.queue = new LinkedBlockingQueue<>(policy.queueCapacity());
        for (int i = 0; i < policy.instances(); i++) {
            BatchAggregator<P, R> aggregator = new BatchAggregator<>(name, policy, queue, () -> closed, statistics,
                    arrivals::worthWaiting);
            BatchExecution<P, R> execution = new BatchExecution<>(name, handler, statistics);
            Thread worker = new Thread(() -> work(aggregator, execution), "batch-" + name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    /**
     * Says a request is on its way (being decoded) and will be submitted soon. Once callers
     * announce, workers wait (at most {@code maxQueueDelay}) only while announced requests are
     * still on their way, so a lone request does not wait for company that is not coming.
     * Close the handle right after {@link #submit} (or when the request is given up).
     */
    public Arrival announce() {
        return arrivals.announce();
    }

    /**
     * Queues one request; never blocks. A request whose deadline has already passed is not
     * queued: its future is returned failed with {@link DeadlineExpiredException}.
     *
     * @param rows          the request's rows, at least 1
     * @param deadlineNanos a {@link System#nanoTime()} value; {@link Long#MAX_VALUE} for none
     * @return completed on a worker thread with the handler's result for this payload
     * @throws QueueFullException   when the queue holds {@link BatchPolicy#queueCapacity()} requests
     * @throws QueueClosedException when the queue is closed
     */
    public CompletableFuture<R> submit(P payload, int rows, long deadlineNanos) {
        Objects.requireNonNull(payload, "payload");
        if (rows < 1) {
            throw new IllegalArgumentException("a request has at least 1 row, was " + rows);
        }
        if (closed) {
            throw new QueueClosedException(name);
        }
        long now = System.nanoTime();
        Job<P, R> job = new Job<>(payload, rows, deadlineNanos, now, new CompletableFuture<>());
        if (job.isExpired(now)) {
            job.fail(new DeadlineExpiredException(name, Duration.ofNanos(now - deadlineNanos)), statistics);
            return job.future();
        }
        if (!queue.offer(job)) {
            statistics.recordRejection();
            throw new QueueFullException(name, policy.queueCapacity(), RetryAfterEstimate.of(policy, statistics));
        }
        // Closed between the check above and the offer: take the job back unless close or a
        // worker already took it, in which case they complete it.
        if (closed && queue.remove(job)) {
            throw new QueueClosedException(name);
        }
        return job.future();
    }

    public String name() {
        return name;
    }

    public BatchPolicy policy() {
        return policy;
    }

    /** Requests waiting now, not counting those in batches being formed or run. */
    public int queued() {
        return queue.size();
    }

    /** True once {@link #close()} has begun: submit throws {@link QueueClosedException}. */
    public boolean isClosed() {
        return closed;
    }

    /** Live and thread-safe. */
    public BatchStatistics statistics() {
        return statistics;
    }

    /**
     * Stops taking requests; those still queued fail with {@link QueueClosedException}. Waits
     * up to {@link #CLOSE_GRACE} for running batches, then interrupts their workers and
     * returns. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Job<P, R>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Job<P, R> job : left) {
            job.fail(new QueueClosedException(name), statistics);
        }
        awaitWorkers();
    }

    private void work(BatchAggregator<P, R> aggregator, BatchExecution<P, R> execution) {
        for (List<Job<P, R>> batch = aggregator.nextBatch(); batch != null; batch = aggregator.nextBatch()) {
            execution.run(batch);
        }
    }

    private void awaitWorkers() {
        long giveUpAt = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            for (Thread worker : workers) {
                // A handler may close its own endpoint; its worker ends after the batch.
                if (worker != Thread.currentThread()) {
                    TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(1, giveUpAt - System.nanoTime()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.stream().filter(Thread::isAlive).filter(w -> w != Thread.currentThread()).forEach(Thread::interrupt);
    }
}
