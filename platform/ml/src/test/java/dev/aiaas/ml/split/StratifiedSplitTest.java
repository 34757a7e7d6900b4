package dev.aiaas.ml.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static Table labelled(String... labels) {
        double[] ids = IntStream.range(0, labels.length).asDoubleStream().toArray();
        return Table.of(List.of(NumericColumn.of("id", ids), CategoricalColumn.of("y", labels)), "y");
    }

    private static String[] classes(int... counts) {
        return IntStream.range(0, counts.length)
                .boxed()
                .flatMap(c -> IntStream.range(0, counts[c]).mapToObj(i -> "c" + c))
                .toArray(String[]::new);
    }

    @Test
    void fractionsThatDoNotSumToOneAreRefused() {
        assertThatThrownBy(() -> new StratifiedSplit(0.7, 0.2, 0.2, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("split fractions must sum to 1, but train 0.7 + validation 0.2 + test 0.2");
        assertThatThrownBy(() -> new StratifiedSplit(1.2, -0.1, -0.1, 1, true))
                .hasMessage("train fraction must lie in [0, 1], was 1.2");
    }

    @Test
    void fractionsOffByRoundingAreAccepted() {
        StratifiedSplit split = new StratifiedSplit(0.1 + 0.2, 0.3, 0.4, 1, false);

        assertThat(split.split(10).rowCount()).isEqualTo(10);
    }

    @Test
    void aSplitThatWouldBeEmptyIsRefusedNamingIt() {
        assertThatThrownBy(() -> new StratifiedSplit(0.9, 0.04, 0.06, 1, false).split(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the validation split would be empty: 10 rows at a fraction of 0.04; "
                        + "use more rows or a larger fraction");
        assertThatThrownBy(() -> new StratifiedSplit(0.8, 0.2, 0, 1, false).split(100))
                .hasMessageStartingWith("the test split would be empty");
    }

    @Test
    void everyRowLandsInExactlyOneSplit() {
        SplitIndices indices = new StratifiedSplit(0.6, 0.2, 0.2, 3, true).split(labelled(classes(17, 9, 31)));

        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(indices.train()),
                Arrays.stream(indices.validation())), Arrays.stream(indices.test())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 57).toArray());
        assertThat(indices.train()).isSorted();
    }

    @Test
    void eachClassIsSplitInProportionWithinOneRow() {
        String[] labels = classes(50, 50, 50, 7, 13);
        SplitIndices indices = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).splitByClass(labels);

        for (String label : new String[] {"c0", "c1", "c2", "c3", "c4"}) {
            long size = Arrays.stream(labels).filter(label::equals).count();
            assertThat(count(indices.train(), labels, label)).isCloseTo(Math.round(0.7 * size), within(1L));
            assertThat(count(indices.validation(), labels, label)).isBetween(
                    (long) Math.floor(0.15 * size) - 1, (long) Math.ceil(0.15 * size) + 1);
            assertThat(count(indices.test(), labels, label)).isBetween(
                    (long) Math.floor(0.15 * size) - 1, (long) Math.ceil(0.15 * size) + 1);
        }
        assertThat(indices.train()).hasSize(119);
    }

    private static long count(int[] rows, String[] labels, String label) {
        return Arrays.stream(rows).filter(row -> labels[row].equals(label)).count();
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Table table = labelled(classes(40, 60));

        SplitIndices first = new StratifiedSplit(0.5, 0.25, 0.25, 9, true).split(table);
        SplitIndices again = new StratifiedSplit(0.5, 0.25, 0.25, 9, true).split(table);
        SplitIndices other = new StratifiedSplit(0.5, 0.25, 0.25, 10, true).split(table);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void withoutStratifyingOneSeededShuffleIsCut() {
        SplitIndices indices = new StratifiedSplit(0.8, 0.1, 0.1, 5, false).split(labelled(classes(100)));

        assertThat(indices.train()).hasSize(80);
        assertThat(indices.validation()).hasSize(10);
        assertThat(indices.test()).hasSize(10);
        assertThat(indices.train()).isNotEqualTo(IntStream.range(0, 80).toArray());
    }

    @Test
    void rowsWithoutALabelAreTheirOwnStratum() {
        String[] labels = {"a", null, "a", "b", null, "b", "a", "b", null, "a"};

        SplitIndices indices = new StratifiedSplit(0.34, 0.33, 0.33, 1, true).splitByClass(labels);

        assertThat(indices.rowCount()).isEqualTo(10);
        assertThat(Arrays.stream(indices.train()).filter(row -> labels[row] == null).count()).isEqualTo(1);
    }

    @Test
    void stratifyingNeedsALabel() {
        StratifiedSplit split = new StratifiedSplit(0.5, 0.25, 0.25, 1, true);

        assertThatThrownBy(() -> split.split(Table.of(NumericColumn.of("x", 1))))
                .hasMessage("a stratified split needs a label column; the table has none");
    }

    @Test
    void aNumericTargetIsStratifiedByQuantilesSoEverySplitSpansItsRange() {
        double[] targets = IntStream.range(0, 400).mapToDouble(i -> (i * 37) % 400 / 10.0).toArray();
        Table table = Table.of(List.of(NumericColumn.of("id", targets.clone()), NumericColumn.of("mpg", targets)), "mpg");

        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).splitByTarget(table);

        assertThat(split.train().length + split.validation().length + split.test().length).isEqualTo(400);
        for (int[] rows : List.of(split.train(), split.validation(), split.test())) {
            int[] perDecile = new int[10];
            Arrays.stream(rows).forEach(row -> perDecile[(int) (targets[row] / 4.0)]++);
            double share = rows.length / 10.0;
            assertThat(Arrays.stream(perDecile).boxed().toList())
                    .allSatisfy(count -> assertThat((double) count).isCloseTo(share, within(1.0)));
        }
    }

    @Test
    void anotherSeedGivesAnotherQuantileSplitAndTheSameSeedTheSame() {
        double[] targets = IntStream.range(0, 200).mapToDouble(i -> Math.sqrt(i) * 3).toArray();

        SplitIndices first = new StratifiedSplit(0.7, 0.15, 0.15, 1, true).splitByQuantiles(targets, 10);
        SplitIndices again = new StratifiedSplit(0.7, 0.15, 0.15, 1, true).splitByQuantiles(targets, 10);
        SplitIndices other = new StratifiedSplit(0.7, 0.15, 0.15, 2, true).splitByQuantiles(targets, 10);

        assertThat(again.test()).isEqualTo(first.test());
        long shared = Arrays.stream(other.test()).filter(row -> Arrays.binarySearch(first.test(), row) >= 0).count();
        assertThat(shared).as("test rows both seeds chose, of %d", first.test().length)
                .isLessThan(first.test().length / 2);
    }

    @Test
    void rowsWithoutATargetAreAStratumOfTheirOwn() {
        double[] targets = IntStream.range(0, 100).mapToDouble(i -> i % 10 == 0 ? Double.NaN : i).toArray();

        SplitIndices split = new StratifiedSplit(0.6, 0.2, 0.2, 7, true).splitByQuantiles(targets, 5);

        long missingInTest = Arrays.stream(split.test()).filter(row -> Double.isNaN(targets[row])).count();
        assertThat(missingInTest).isEqualTo(2);
    }
}
