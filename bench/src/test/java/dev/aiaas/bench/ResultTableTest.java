package dev.aiaas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static CaseResult result(int number, Transport transport, int rows, int inFlight, BatchingMode batching,
            long requests, double meanMicros) {
        return new CaseResult(new BenchCase(number, transport, ModelKind.IRIS, rows, inFlight, batching, null),
                new Measurement(requests, 2.0, meanMicros, meanMicros, meanMicros * 3, 0, null, 0.5, 1.25, 0.125, 0.0));
    }

    private final CaseResult engineOne = result(1, Transport.ENGINE, 1, 1, BatchingMode.NONE, 40_000, 50);
    private final CaseResult engineTwo = result(2, Transport.ENGINE, 1, 2, BatchingMode.NONE, 60_000, 66);
    private final CaseResult grpc = result(3, Transport.GRPC, 1, 64, BatchingMode.DYNAMIC, 45_000, 2_800);
    private final CaseResult skipped = CaseResult.skipped(new BenchCase(4, Transport.REST, ModelKind.IRIS, 1, 256,
            BatchingMode.DYNAMIC, "not run: too many connections"));
    private final CaseResult otherRows = result(5, Transport.GRPC, 32, 1, BatchingMode.DYNAMIC, 1_000, 2_000);

    private final ResultTable table = new ResultTable(List.of(engineOne, engineTwo, grpc, skipped, otherRows));

    @Test
    void comparesEachCaseWithTheTwoThreadEngineOfTheSameModelAndRows() {
        assertThat(table.ratio(grpc)).hasValue(0.75);
        assertThat(table.ratio(engineOne)).hasValue(40_000 / 60_000.0);
        assertThat(table.ratio(otherRows)).isEmpty(); // no engine ran at 32 rows
        assertThat(table.ratio(skipped)).isEmpty();
    }

    @Test
    void printsThroughputPerSecondOfTheMeasuredWindowAndMarksTheBaseline() {
        String markdown = table.markdown();
        List<String> lines = markdown.lines().toList();

        assertThat(lines).hasSize(2 + 5);
        assertThat(lines.get(0)).startsWith("| case |").contains("vs engine 2 threads");
        assertThat(lines.get(1)).matches("\\|[-:| ]+\\|");
        assertThat(lines.get(3)).contains("2 threads").contains("30,000").contains("1.00 (baseline)");
        assertThat(cells(lines.get(4))).containsExactly("3", "gRPC", "iris", "1", "64", "max 64, 500 µs", "22,500",
                "22,500", "2,800", "2,800", "8,400", "0.75", "0.50", "1.25", "0.13", "0");
        assertThat(cells(lines.get(5))).contains("not run");
        assertThat(cells(lines.get(6)).subList(6, 8)).containsExactly("500", "16,000"); // rows/s = requests/s x 32
        assertThat(lines.stream().map(String::length).distinct()).hasSize(1); // padded into columns
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
    }

    @Test
    void notesSaySkippedCasesAndWhy() {
        assertThat(table.notes()).containsExactly("Cases 4: not run: too many connections.");
    }

    @Test
    void goalsJudgeOnlyTheCasesTheyNameWithTheMeasuredFigure() {
        List<String> lines = new Goals(table).lines();

        assertThat(lines).contains("  - case 3 (gRPC iris, 1 row, 64 in flight, batching max 64, 500 µs): 75 % of the"
                + " engine: met");
        assertThat(lines).noneMatch(line -> line.contains("case 4"));
    }
}
