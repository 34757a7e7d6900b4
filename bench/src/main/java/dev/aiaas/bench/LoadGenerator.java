package dev.aiaas.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Runs one load: starts it, lets it warm up (JIT, connections, the server's batch loop), then
 * measures a fixed window: calls answered in it, their latency percentiles, the failures and
 * the CPU of client, server and the rest of this JVM; then stops the load and waits for what
 * is in flight.
 */
final class LoadGenerator {

    /**
     * Where CPU is read for one load.
     *
     * @param client the load generator's threads
     * @param server the process that answers
     * @param bench  this whole JVM; its time minus the client's is reported as "other"
     * @param serverIsThisJvm whether {@code server} measures this JVM (the engine)
     */
    record Meters(CpuMeter client, CpuMeter server, CpuMeter bench, boolean serverIsThisJvm) {
    }

    private static final CpuMeter MACHINE = CpuMeter.machine();
    private static final CpuMeter THIS_JVM = CpuMeter.thisProcess();

    private final Duration warmUp;
    private final Duration measure;

    LoadGenerator(Duration warmUp, Duration measure) {
        this.warmUp = warmUp;
        this.measure = measure;
    }

    Measurement run(Load load, Meters meters) throws InterruptedException {
        return run(load, meters, warmUp, measure);
    }

    Measurement run(Load load, Meters meters, Duration warmUpFor, Duration measureFor) throws InterruptedException {
        Completions completions = new Completions();
        load.start(completions);
        Histogram window;
        long failuresBefore;
        long[] before;
        long[] after;
        long start;
        long end;
        try {
            Thread.sleep(warmUpFor.toMillis());
            completions.interval(); // drops the warm-up's latencies
            failuresBefore = completions.failureCount();
            before = read(meters);
            start = System.nanoTime();
            Thread.sleep(measureFor.toMillis());
            window = completions.interval();
            end = System.nanoTime();
            after = read(meters);
        } finally {
            load.stop();
        }
        long wall = end - start;
        double client = CpuMeter.cores(before[0], after[0], wall);
        double server = CpuMeter.cores(before[1], after[1], wall);
        double bench = CpuMeter.cores(before[2], after[2], wall);
        // What the machine did beyond this JVM and the server: PostgreSQL, S3Proxy, registry, or a
        // process that has nothing to do with the benchmark.
        double elsewhere = CpuMeter.cores(before[3], after[3], wall) - CpuMeter.cores(before[4], after[4], wall)
                - (meters.serverIsThisJvm() ? 0 : server);
        return new Measurement(window.getTotalCount(), wall / 1e9, micros(window.getMean()),
                micros(window.getValueAtPercentile(50)), micros(window.getValueAtPercentile(99)),
                completions.failureCount() - failuresBefore, completions.firstFailure(), client, server,
                bench - client, elsewhere);
    }

    private static long[] read(Meters meters) {
        return new long[] {meters.client().cpuNanos(), meters.server().cpuNanos(), meters.bench().cpuNanos(),
            MACHINE.cpuNanos(), THIS_JVM.cpuNanos()};
    }

    private static double micros(double nanos) {
        return nanos / 1000.0;
    }

    Duration warmUp() {
        return warmUp;
    }

    Duration measure() {
        return measure;
    }
}
