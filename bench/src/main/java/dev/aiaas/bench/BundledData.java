package dev.aiaas.bench;

import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.ImageColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FeatureMatrix;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.ScalePixels;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.models.LabelledData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * The bundled data sets (datasets/), prepared the way the preprocess service prepares them:
 * a transform fitted on the training rows only, then applied to every split. The held-out
 * rows, model-ready, are what the benchmark sends.
 */
final class BundledData {

    private static final int DIGITS = 10_000;
    private static final int PIXELS = 28 * 28;
    private static final long SEED = 42;

    /**
     * One data set ready to train on and to send.
     *
     * @param trainTable the raw training rows (for the baseline profile)
     * @param samples    model-ready held-out rows, {@code sampleRows × inputSize} values
     */
    record Prepared(FittedPipeline transform, Table trainTable, LabelledData train, LabelledData validation,
            float[] samples, int sampleRows) {
    }

    private BundledData() {
    }

    /** Iris: stratified 70/15/15 (seed 42), standardised with the training rows' statistics. */
    static Prepared iris(Path datasets) throws IOException {
        Table iris = CsvTableReader.read(require(datasets.resolve("iris.csv")), "species");
        SplitIndices split = new StratifiedSplit(0.7, 0.15, 0.15, SEED, true).split(iris);
        Table train = iris.select(split.train());
        FittedPipeline transform = Pipeline.of(new Standardize()).fit(train);
        FeatureMatrix samples = transform.apply(iris.select(split.test()));
        return new Prepared(transform, train, labelled(transform.apply(train)),
                labelled(transform.apply(iris.select(split.validation()))), samples.values(), samples.rowCount());
    }

    /**
     * {@code train}, {@code validation} and {@code samples} digits drawn at random (seed 42; the
     * file is sorted by digit), pixels scaled to [0, 1] by a fitted ScalePixels, shaped [1, 28, 28].
     */
    static Prepared digits(Path datasets, int train, int validation, int samples) throws IOException {
        byte[] pixels = new byte[DIGITS * PIXELS];
        double[] labels = new double[DIGITS];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(require(datasets.resolve("mnist10k.u8.gz"))))) {
            for (int row = 0; row < DIGITS; row++) {
                byte[] record = in.readNBytes(1 + PIXELS);
                if (record.length != 1 + PIXELS) {
                    throw new IOException("mnist10k.u8.gz ends at record " + row + " of " + DIGITS);
                }
                labels[row] = record[0];
                System.arraycopy(record, 1, pixels, row * PIXELS, PIXELS);
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, DIGITS).boxed().toList());
        Collections.shuffle(order, new Random(SEED));
        Table trainTable = digitTable(pixels, labels, order.subList(0, train));
        FittedPipeline transform = Pipeline.of(new ScalePixels()).fit(trainTable);
        FeatureMatrix held = transform.apply(digitTable(pixels, labels,
                order.subList(train + validation, train + validation + samples)));
        return new Prepared(transform, trainTable, labelled(transform.apply(trainTable)),
                labelled(transform.apply(digitTable(pixels, labels, order.subList(train, train + validation)))),
                held.values(), held.rowCount());
    }

    private static Table digitTable(byte[] pixels, double[] labels, List<Integer> rows) {
        byte[] images = new byte[rows.size() * PIXELS];
        double[] digits = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(pixels, rows.get(i) * PIXELS, images, i * PIXELS, PIXELS);
            digits[i] = labels[rows.get(i)];
        }
        return Table.of(List.of(ImageColumn.of("pixels", new int[] {28, 28}, images),
                NumericColumn.of("digit", digits)), "digit");
    }

    private static LabelledData labelled(FeatureMatrix matrix) {
        return LabelledData.classification(matrix.values(), Arrays.stream(matrix.labels()).asLongStream().toArray());
    }

    private static Path require(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: the benchmark trains on the bundled data sets in datasets/");
        }
        return file;
    }
}
