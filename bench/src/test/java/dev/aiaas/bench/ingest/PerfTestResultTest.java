package dev.aiaas.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerfTestResultTest {

    @Test
    void takesTheSteadyStateLineOverTheTotalThatIncludesTheWarmUp() {
        List<String> output = List.of(
                "51234 records sent, 10246.8 records/sec (1.07 MB/sec), 120.3 ms avg latency, 402.0 ms max latency.",
                "110000 records sent, 41234.567891 records/sec (4.33 MB/sec), 140.12 ms avg latency, 480.00 ms max"
                        + " latency, 120 ms 50th, 300 ms 95th, 400 ms 99th, 470 ms 99.9th.",
                "100000 steady state records sent, 45000.500000 records/sec (4.72 MB/sec), 130.50 ms avg latency,"
                        + " 470.00 ms max latency, 110 ms 50th, 290 ms 95th, 390 ms 99th, 460 ms 99.9th.");

        assertThat(PerfTestResult.parse(output)).contains(new PerfTestResult(100_000, 45_000.5, 130.5));
    }

    @Test
    void withoutAWarmUpTakesTheLastSummaryAndWithoutOneNothing() {
        assertThat(PerfTestResult.parse(List.of(
                "5000 records sent, 1000.0 records/sec (0.10 MB/sec), 2.0 ms avg latency, 9.0 ms max latency.",
                "20000 records sent, 4000.000000 records/sec (0.42 MB/sec), 3.00 ms avg latency, 9.00 ms max latency,"
                        + " 2 ms 50th, 5 ms 95th, 8 ms 99th, 9 ms 99.9th.")))
                .contains(new PerfTestResult(20_000, 4_000, 3.0));
        assertThat(PerfTestResult.parse(List.of("ERROR Topic not present in metadata"))).isEmpty();
    }
}
