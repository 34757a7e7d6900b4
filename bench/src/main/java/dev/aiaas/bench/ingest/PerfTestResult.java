package dev.aiaas.bench.ingest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code kafka-producer-perf-test} reported for one run: its summary line, or with
 * {@code --warmup-records} its steady-state line (the records after the warm-up).
 *
 * @param records          records the line covers
 * @param recordsPerSecond as the tool measured it
 * @param avgLatencyMs     mean time from send to acknowledgement
 */
record PerfTestResult(long records, double recordsPerSecond, double avgLatencyMs) {

    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\d+)( steady state)? records sent, ([0-9.]+) records/sec \\([0-9.]+ MB/sec\\), ([0-9.]+) ms avg latency");

    /** The steady-state line when the output has one, else the last summary line. */
    static Optional<PerfTestResult> parse(List<String> output) {
        PerfTestResult total = null;
        for (String line : output) {
            Matcher m = SUMMARY.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            PerfTestResult result = new PerfTestResult(Long.parseLong(m.group(1)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)));
            if (m.group(2) != null) {
                return Optional.of(result);
            }
            total = result;
        }
        return Optional.ofNullable(total);
    }
}
