package dev.aiaas.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own {@code kafka-producer-perf-test} ({@link ProducerPerformance}, the version of the
 * broker) in its own JVM, as the script runs it: random values of a fixed size, no key,
 * unthrottled, with the producer settings the ingest round's producer gets (acks=all).
 */
final class ProducerPerfTest {

    /** The script's heap (kafka-producer-perf-test.sh sets -Xmx512M). */
    private static final String HEAP = "-Xmx512m";
    private static final long TIMEOUT_MINUTES = 10;

    private final String bootstrap;
    private final String topic;
    private final Path workDir;

    ProducerPerfTest(String bootstrap, String topic, Path workDir) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.workDir = workDir;
    }

    /**
     * Sends {@code warmup + records} records of {@code recordBytes} bytes; the result covers the
     * {@code records} after the warm-up.
     *
     * @throws IllegalStateException when the tool fails or prints no summary (its output is in the message)
     */
    PerfTestResult run(int records, int warmup, int recordBytes) throws IOException, InterruptedException {
        Output output = runCapturingOutput(command(records, warmup, recordBytes));
        PerfTestResult result = PerfTestResult.parse(output.lines()).filter(r -> output.exit() == 0).orElseThrow(() ->
                new IllegalStateException("kafka-producer-perf-test exited " + output.exit()
                        + " without a summary line; its output ended with:\n  " + String.join("\n  ", output.lines()
                        .subList(Math.max(0, output.lines().size() - 20), output.lines().size()))));
        if (result.records() != records) {
            throw new IllegalStateException("kafka-producer-perf-test's summary covers " + result.records()
                    + " records, not the " + records + " after its warm-up: " + output.lines());
        }
        return result;
    }

    private List<String> command(int records, int warmup, int recordBytes) {
        List<String> command = new ArrayList<>(List.of(java(), HEAP, "-cp", System.getProperty("java.class.path"),
                ProducerPerformance.class.getName(), "--topic", topic, "--num-records",
                Integer.toString(records + warmup), "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1", "--producer-props"));
        for (Map.Entry<String, Object> setting : IngestRun.producerSettings(bootstrap).entrySet()) {
            command.add(setting.getKey() + "=" + setting.getValue());
        }
        if (warmup > 0) {
            command.addAll(List.of("--warmup-records", Integer.toString(warmup)));
        }
        return command;
    }

    /** What the tool printed (standard output and error) and how it exited. */
    private record Output(List<String> lines, int exit) {
    }

    private Output runCapturingOutput(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "producer-perf-", ".log");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("kafka-producer-perf-test ran longer than " + TIMEOUT_MINUTES
                        + " minutes: lower --records");
            }
            return new Output(Files.readAllLines(log, StandardCharsets.UTF_8), process.exitValue());
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
