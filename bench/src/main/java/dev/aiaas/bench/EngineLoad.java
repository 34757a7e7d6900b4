package dev.aiaas.bench;

import dev.aiaas.models.LoadedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: {@code threads} threads each calling {@link LoadedModel#predictProbabilities}
 * on the same batch in a loop, in this JVM, with nothing between the caller and the engine.
 */
final class EngineLoad implements Load {

    private final LoadedModel model;
    private final float[] batch;
    private final int rows;
    private final int threadCount;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    EngineLoad(LoadedModel model, float[] batch, int rows, int threads) {
        this.model = model;
        this.batch = batch;
        this.rows = rows;
        this.threadCount = threads;
    }

    @Override
    public void start(Completions completions) {
        running = true;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> callInALoop(completions), "bench-engine-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void callInALoop(Completions completions) {
        while (running) {
            long start = System.nanoTime();
            try {
                model.predictProbabilities(batch, rows);
                completions.succeeded(System.nanoTime() - start);
            } catch (RuntimeException e) {
                completions.failed(e);
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Override
    public void close() {
        // the model belongs to the caller
    }
}
