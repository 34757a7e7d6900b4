package dev.aiaas.bench;

/**
 * What one load did over its measured window.
 *
 * @param requests     calls answered successfully in the window
 * @param seconds      the window's length
 * @param meanMicros   mean latency of those calls
 * @param p50Micros    median latency
 * @param p99Micros    99th percentile latency
 * @param failures     calls that failed in the window
 * @param firstFailure the first failure's message (any time during the load), or null
 * @param clientCores  cores the load generator's own threads used; NaN when not measured
 * @param serverCores  cores the process answering used (the serving JVM; for the engine, this JVM)
 * @param otherCores   cores the rest of this JVM used meanwhile (the in-process Kafka broker that
 *                     receives the prediction log, JIT, GC); NaN when not measured
 * @param elsewhereCores cores the rest of the machine used meanwhile: PostgreSQL, S3Proxy, the
 *                     registry, and any process that has nothing to do with the benchmark
 */
record Measurement(long requests, double seconds, double meanMicros, double p50Micros, double p99Micros,
        long failures, String firstFailure, double clientCores, double serverCores, double otherCores,
        double elsewhereCores) {

    /** Above this, something outside the benchmark took a share of the cores worth saying. */
    static final double NOTABLE_ELSEWHERE_CORES = 0.15;

    double requestsPerSecond() {
        return seconds > 0 ? requests / seconds : Double.NaN;
    }
}
