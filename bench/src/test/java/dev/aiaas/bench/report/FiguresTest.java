package dev.aiaas.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Figures.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Figures.median(List.of(40.0, 44.0))).isEqualTo(42.0);
    }

    @Test
    void aPaddedTableAlignsWordsLeftAndNumbersRight() {
        List<String> lines = new MarkdownTable(List.of("side", "records/s"), Set.of(0))
                .add(List.of("baseline", "1,000")).add(List.of("ours", "50")).lines();

        assertThat(lines).containsExactly(
                "| side     | records/s |",
                "| -------- | --------: |",
                "| baseline |     1,000 |",
                "| ours     |        50 |");
    }
}
