package dev.aiaas.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.RecordTableBuilder;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.DropMissingLabel;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Standardize;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The real data sets the model tests train on, prepared the way the preprocess service prepares them. */
public final class RealData {

    /** Train, validation and test rows of one data set. */
    record Splits(LabelledData train, LabelledData validation, LabelledData test) {
    }

    private static final int DIGITS = 10_000;
    private static final int DIGIT_BYTES = 1 + 28 * 28;

    private RealData() {
    }

    /** Iris: stratified 70/15/15 with seed 42, standardised with the statistics of the training rows. */
    static Splits iris() throws IOException {
        Table iris = CsvTableReader.read(file("iris.csv"), "species");
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).split(iris);
        FittedPipeline fitted = Pipeline.of(new Standardize()).fit(iris.select(split.train()));
        return new Splits(rows(fitted.apply(iris.select(split.train()))),
                rows(fitted.apply(iris.select(split.validation()))), rows(fitted.apply(iris.select(split.test()))));
    }

    /** The columns of cars.json the models learn from (not Name: one car each), label Miles_per_Gallon. */
    static final List<ColumnSpec> CARS = List.of(ColumnSpec.numeric("Cylinders"), ColumnSpec.numeric("Displacement"),
            ColumnSpec.numeric("Horsepower"), ColumnSpec.numeric("Weight_in_lbs"), ColumnSpec.numeric("Acceleration"),
            ColumnSpec.categorical("Year"), ColumnSpec.categorical("Origin"), ColumnSpec.numeric("Miles_per_Gallon"));

    /**
     * Cars: split 70/15/15 with seed 42, stratified by deciles of the target; rows without a
     * target dropped, Horsepower's gaps filled with the training median, numbers standardised and
     * Year and Origin one-hot, all fitted on the training rows.
     */
    static Splits cars() throws IOException {
        List<Map<String, Object>> records = new ObjectMapper().readValue(file("cars.json").toFile(),
                new TypeReference<>() { });
        RecordTableBuilder builder = new RecordTableBuilder(CARS, "Miles_per_Gallon");
        records.forEach(builder::add);
        Table cars = builder.build();
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).splitByTarget(cars);
        FittedPipeline fitted = new Pipeline(List.of(new DropMissingLabel(), new Impute(Impute.Strategy.MEDIAN),
                new Standardize(), new OneHot()), LabelTask.REGRESSION).fit(cars.select(split.train()));
        return new Splits(targets(fitted.apply(cars.select(split.train()))),
                targets(fitted.apply(cars.select(split.validation()))), targets(fitted.apply(cars.select(split.test()))));
    }

    private static LabelledData targets(FeatureMatrix matrix) {
        return LabelledData.regression(matrix.values(), matrix.targets(), matrix.rowCount());
    }

    /**
     * {@code train + validation + test} of the 10,000 digits, drawn at random (seed 42) since the
     * file is sorted by digit; pixels scaled to [0, 1], shaped [1, 28, 28].
     */
    static Splits digits(int train, int validation, int test) throws IOException {
        Digits all = readDigits();
        List<Integer> order = new ArrayList<>(IntStream.range(0, DIGITS).boxed().toList());
        Collections.shuffle(order, new Random(42));
        return new Splits(pick(all.pixels(), all.labels(), order.subList(0, train)),
                pick(all.pixels(), all.labels(), order.subList(train, train + validation)),
                pick(all.pixels(), all.labels(), order.subList(train + validation, train + validation + test)));
    }

    /**
     * All 10,000 digits for anomaly detection: label 0 (normal) for {@code normalDigit}, 1 (anomaly)
     * for the other digits; split 70/15/15 with seed 42, stratified by digit; pixels scaled to [0, 1].
     */
    static Splits digitAnomalies(int normalDigit) throws IOException {
        Digits all = readDigits();
        String[] digits = Arrays.stream(all.labels()).mapToObj(Long::toString).toArray(String[]::new);
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, 42, true).splitByClass(digits);
        long[] anomalous = Arrays.stream(all.labels()).map(digit -> digit == normalDigit ? 0 : 1).toArray();
        return new Splits(pick(all.pixels(), anomalous, boxed(split.train())),
                pick(all.pixels(), anomalous, boxed(split.validation())),
                pick(all.pixels(), anomalous, boxed(split.test())));
    }

    private record Digits(float[] pixels, long[] labels) {
    }

    private static Digits readDigits() throws IOException {
        float[] pixels = new float[DIGITS * 784];
        long[] labels = new long[DIGITS];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file("mnist10k.u8.gz")))) {
            for (int row = 0; row < DIGITS; row++) {
                byte[] record = in.readNBytes(DIGIT_BYTES);
                labels[row] = record[0];
                for (int p = 0; p < 784; p++) {
                    pixels[row * 784 + p] = (record[p + 1] & 0xff) / 255f;
                }
            }
        }
        return new Digits(pixels, labels);
    }

    private static List<Integer> boxed(int[] rows) {
        return Arrays.stream(rows).boxed().toList();
    }

    private static LabelledData pick(float[] pixels, long[] labels, List<Integer> rows) {
        float[] features = new float[rows.size() * 784];
        long[] classes = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(pixels, rows.get(i) * 784, features, i * 784, 784);
            classes[i] = labels[rows.get(i)];
        }
        return LabelledData.classification(features, classes);
    }

    private static LabelledData rows(FeatureMatrix matrix) {
        return LabelledData.classification(matrix.values(), Arrays.stream(matrix.labels()).asLongStream().toArray());
    }

    /**
     * The project's own copy first, then the shared copy of the machine this module was written on;
     * a test without either is skipped. Public for the tests of {@code dev.aiaas.models.recommend}.
     */
    public static Path file(String name) {
        Path found = Stream.of(Path.of("../../datasets", name), Path.of("../../../shared/datasets", name))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(found != null, name + " is not on this machine (datasets/ or ../shared/datasets/)");
        return found;
    }
}
