package dev.aiaas.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preprocess path on the real Iris data: read, split 70/15/15 stratified with
 * seed 42, fit Impute + Standardize on train, apply to every split and to one raw record.
 */
class IrisPreparationTest {

    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

    private static Table iris;
    private static SplitIndices split;
    private static FittedPipeline fitted;

    @BeforeAll
    static void prepare() throws Exception {
        // The project's own copy first; the shared copy on the machine this module was written on.
        Path file = Stream.of(Path.of("../../datasets/iris.csv"), Path.of("../../../shared/datasets/iris.csv"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(file != null, "iris.csv is not on this machine");
        iris = CsvTableReader.read(file, "species");
        split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(iris);
        fitted = Pipeline.of(new Impute(Impute.Strategy.MEAN), new Standardize()).fit(iris.select(split.train()));
    }

    @Test
    void theTableHasFourNumericFeaturesAndThreeClasses() {
        assertThat(iris.rowCount()).isEqualTo(150);
        assertThat(fitted.featureNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(fitted.inputShape()).containsExactly(4);
        assertThat(fitted.classLabels()).containsExactly(SPECIES);
    }

    @Test
    void everyClassIsSplitInProportionWithinOneRow() {
        assertProportional(split.train(), 0.7);
        assertProportional(split.validation(), 0.15);
        assertProportional(split.test(), 0.15);
        assertThat(split.rowCount()).isEqualTo(150);
    }

    private static void assertProportional(int[] rows, double fraction) {
        String[] labels = iris.categorical("species").values();
        for (String species : SPECIES) {
            long count = Arrays.stream(rows).filter(row -> labels[row].equals(species)).count();
            assertThat((double) count).as("%s rows", species).isCloseTo(50 * fraction, within(1.0));
        }
    }

    @Test
    void trainingFeaturesAreStandardizedAndTestFeaturesOnlyRoughly() {
        FeatureMatrix train = fitted.apply(iris.select(split.train()));
        FeatureMatrix test = fitted.apply(iris.select(split.test()));

        for (int feature = 0; feature < 4; feature++) {
            assertThat(mean(train, feature)).isCloseTo(0, within(1e-5));
            assertThat(std(train, feature)).isCloseTo(1, within(1e-5));
            assertThat(mean(test, feature)).isCloseTo(0, within(1.0));
        }
        double largestTestOffset = 0;
        for (int feature = 0; feature < 4; feature++) {
            largestTestOffset = Math.max(largestTestOffset,
                    Math.max(Math.abs(mean(test, feature)), Math.abs(std(test, feature) - 1)));
        }
        assertThat(largestTestOffset).isGreaterThan(0.01);
        assertThat(test.labels()).hasSize(split.test().length);
    }

    @Test
    void aRawRecordIsTransformedExactlyAsItsRowInTheBatch() {
        Table test = iris.select(split.test());
        FeatureMatrix batch = fitted.apply(test);

        for (int row = 0; row < test.rowCount(); row++) {
            Map<String, Object> record = new HashMap<>();
            for (Column column : test.featureColumns()) {
                record.put(column.name(), test.numeric(column.name()).get(row));
            }
            assertThat(fitted.applyRow(record)).containsExactly(batch.row(row));
        }
    }

    private static double mean(FeatureMatrix matrix, int feature) {
        double sum = 0;
        for (int row = 0; row < matrix.rowCount(); row++) {
            sum += matrix.values()[row * matrix.featureCount() + feature];
        }
        return sum / matrix.rowCount();
    }

    private static double std(FeatureMatrix matrix, int feature) {
        double mean = mean(matrix, feature);
        double squares = 0;
        for (int row = 0; row < matrix.rowCount(); row++) {
            double deviation = matrix.values()[row * matrix.featureCount() + feature] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / matrix.rowCount());
    }
}
