package dev.aiaas.cli.demo;

import dev.aiaas.cli.Services;
import dev.aiaas.proto.monitoring.v1.GroundTruth;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthRequest;
import dev.aiaas.proto.monitoring.v1.RecordGroundTruthResponse;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests to an endpoint as a client app sends them, one Iris row each under the client's
 * request id, each followed by what it should have answered (ground truth, through
 * RecordGroundTruth in batches): a number of them now, or a steady stream in the background.
 * Rows are drawn from the file at random with a fixed seed, so a run's traffic can be told again.
 */
public final class LabelledTraffic {

    /** Ground truths per RecordGroundTruth call: the service's maximum. */
    public static final int MAX_BATCH = 1000;

    private final Services services;
    private final String endpoint;
    private final List<IrisRow> rows;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread background;

    public LabelledTraffic(Services services, String endpoint, List<IrisRow> rows) {
        this.services = services;
        this.endpoint = endpoint;
        this.rows = List.copyOf(rows);
    }

    /** Sends {@code count} requests of rows shifted by {@code shift}, then their ground truth; returns the answered. */
    public int send(int count, double shift, long seed) {
        Random random = new Random(seed);
        List<GroundTruth> truths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            one(random, shift, truths);
        }
        record(truths);
        return truths.size();
    }

    /**
     * Starts sending {@code perSecond} requests a second of rows shifted by {@code shift}, their
     * ground truth recorded about once a second, until {@link #stop()}.
     */
    public void start(double shift, long seed, int perSecond) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("traffic to " + endpoint + " is already flowing");
        }
        long pause = 1000L / perSecond;
        background = new Thread(() -> {
            Random random = new Random(seed);
            List<GroundTruth> truths = new ArrayList<>();
            while (running.get()) {
                long started = System.nanoTime();
                one(random, shift, truths);
                if (truths.size() >= perSecond) {
                    record(truths);
                    truths.clear();
                }
                try {
                    Thread.sleep(Math.max(0, pause - (System.nanoTime() - started) / 1_000_000));
                } catch (InterruptedException e) {
                    break;
                }
            }
            record(truths);
        }, endpoint + "-traffic");
        background.setDaemon(true);
        background.start();
    }

    /** Stops the background traffic after its last ground truth is recorded (waits up to 10 s). */
    public void stop() throws InterruptedException {
        running.set(false);
        if (background != null) {
            background.join(10_000);
        }
    }

    /** Requests sent, failed ones included. */
    public long sent() {
        return sent.get();
    }

    /** Requests that failed, and ground truths that could not be recorded. */
    public long failed() {
        return failed.get();
    }

    /** {@code "412 requests sent, 0 failures"}, with the last failure's message when there was one. */
    public String describe() {
        String last = lastFailure.get();
        return sent() + " requests sent, " + failed() + " failures" + (last == null ? "" : " (last: " + last + ")");
    }

    /**
     * The RecordGroundTruth calls that carry {@code truths}: in order, at most {@code max} a call
     * (none for none).
     */
    public static List<RecordGroundTruthRequest> batches(List<GroundTruth> truths, int max) {
        List<RecordGroundTruthRequest> batches = new ArrayList<>();
        for (int from = 0; from < truths.size(); from += max) {
            batches.add(RecordGroundTruthRequest.newBuilder()
                    .addAllGroundTruth(truths.subList(from, Math.min(truths.size(), from + max))).build());
        }
        return batches;
    }

    /** One request; its ground truth joins {@code truths} when it was answered. */
    private void one(Random random, double shift, List<GroundTruth> truths) {
        IrisRow row = rows.get(random.nextInt(rows.size()));
        IrisRow sentRow = shift == 0 ? row : row.drifted(shift);
        String id = UUID.randomUUID().toString();
        sent.incrementAndGet();
        try {
            services.inference().modelInfer(sentRow.request(endpoint, id));
            truths.add(sentRow.truth(endpoint, id));
        } catch (StatusRuntimeException e) {
            failed(e);
        }
    }

    private void record(List<GroundTruth> truths) {
        for (RecordGroundTruthRequest batch : batches(truths, MAX_BATCH)) {
            try {
                RecordGroundTruthResponse answer = services.monitoring().recordGroundTruth(batch);
                if (answer.getRefusedCount() > 0) {
                    failed.addAndGet(answer.getRefusedCount());
                    lastFailure.set("ground truth refused: " + answer.getRefused(0).getReason());
                }
            } catch (StatusRuntimeException e) {
                failed.addAndGet(batch.getGroundTruthCount() - 1L);
                failed(e);
            }
        }
    }

    private void failed(StatusRuntimeException e) {
        failed.incrementAndGet();
        lastFailure.set(e.getStatus().getCode() + (e.getStatus().getDescription() == null ? ""
                : ": " + e.getStatus().getDescription()));
    }
}
