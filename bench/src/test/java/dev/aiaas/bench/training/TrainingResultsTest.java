package dev.aiaas.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingResultsTest {

    private static final List<TrainingRun> BARE = List.of(TrainingRun.bare(40.0, 1.0, 0.97),
            TrainingRun.bare(42.0, 1.04, 0.97));

    private static TrainingRun service(double seconds) {
        return new TrainingRun(seconds, 1.1, 0.97, Optional.of(new TrainingRun.JobTimes(0.2, seconds - 0.4, 0.5)));
    }

    @Test
    void theOverheadIsTheDifferenceOfTheMediansAsAShareOfTheBareLoop() {
        TrainingResults within = new TrainingResults(20, BARE, List.of(service(43.0), service(43.1)));
        TrainingResults beyond = new TrainingResults(20, BARE, List.of(service(44.0), service(45.0)));

        assertThat(within.overheadSeconds()).isCloseTo(2.05, offset(1e-9));
        assertThat(within.verdict().met()).isTrue(); // 4.9 % of 41 s
        assertThat(beyond.verdict().met()).isFalse(); // 8.5 %
        assertThat(beyond.verdict().markdown()).endsWith(": +3.5 s, 8.5 % of 41.0 s: **not met**");
    }

    @Test
    void theMeanEpochRunsFromTheFirstEpochsEndToTheLastsAndNeedsTwoEpochs() {
        assertThat(TrainingRun.meanEpoch(3.0, 41.0, 39)).isEqualTo(1.0);
        assertThat(TrainingRun.meanEpoch(3.0, 3.0, 1)).isNaN();
    }

    @Test
    void tablesBothSidesWithEachRunTheRatioTheJobsBreakdownAndTheGoal() {
        List<String> lines = new TrainingResults(20, BARE, List.of(service(44.0), service(45.0))).table();

        assertThat(lines).hasSize(2 + 2);
        assertThat(cells(lines.get(2))).containsExactly("bare loop", "ModelTrainer.train in the benchmark's JVM",
                "40.0; 42.0", "41.0", "1.00 (baseline)", "-", "1.02", "0.9700; 0.9700", "-", "-", "-", "-");
        assertThat(cells(lines.get(3))).containsExactly("training service", "SubmitJob until GetJob says SUCCEEDED",
                "44.0; 45.0", "44.5", "1.09", "+3.5", "1.10", "0.9700; 0.9700", "0.2", "44.1", "0.5", "no");
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
    }
}
