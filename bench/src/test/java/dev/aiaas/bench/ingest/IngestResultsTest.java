package dev.aiaas.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestResultsTest {

    private static final List<PerfTestResult> BASELINE = List.of(new PerfTestResult(100_000, 40_000, 100),
            new PerfTestResult(100_000, 60_000, 90));

    /** 100,000 records produced in 2 s, stored in 4 s, sealed in {@code sealed} s. */
    private static IngestTiming ingest(double sealed) {
        return new IngestTiming(100_000, 2, 4, sealed, 0.9, 1.95);
    }

    @Test
    void judgesIngestEndToEndAgainstTheMedianBaseline() {
        IngestResults half = new IngestResults(100_000, 110, BASELINE, List.of(ingest(4.0), ingest(4.0)));
        IngestResults less = new IngestResults(100_000, 110, BASELINE, List.of(ingest(4.0), ingest(5.0)));

        assertThat(half.sealedShare()).isEqualTo(0.5); // 25,000 records/s against the median 50,000
        assertThat(half.verdict().met()).isTrue();
        assertThat(less.verdict().met()).isFalse();
        assertThat(less.verdict().markdown()).endsWith(": 45 % (22,500 vs 50,000 records/s): **not met**");
    }

    @Test
    void tablesTheBaselineThenIngestsThreeEndPointsWithRatiosAndTheGoalOnTheSealedRow() {
        List<String> lines = new IngestResults(100_000, 110, BASELINE, List.of(ingest(4.0), ingest(5.0))).table();

        assertThat(lines).hasSize(2 + 4);
        assertThat(cells(lines.get(2))).containsExactly("kafka-producer-perf-test",
                "produced, acks=all (nothing consumes)", "40,000; 60,000", "50,000", "5.25", "1.00 (baseline)", "-",
                "-", "-");
        assertThat(cells(lines.get(3))).contains("50,000", "1.00"); // produced in 2 s
        assertThat(cells(lines.get(4))).contains("25,000", "0.50", "0.90", "1.95"); // stored in 4 s, with cores
        assertThat(cells(lines.get(5))).containsExactly("ingest", "produced → sealed version holds all",
                "25,000; 20,000", "22,500", "2.36", "0.45", "-", "-", "no");
        assertThat(lines.stream().map(String::length).distinct()).hasSize(1);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
    }
}
