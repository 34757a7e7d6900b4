package dev.aiaas.cli.demo;

import dev.aiaas.cli.files.DataFormat;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.preprocess.v1.Anomaly;
import dev.aiaas.proto.preprocess.v1.DropMissingLabel;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.Sequence;
import dev.aiaas.proto.preprocess.v1.Step;
import dev.aiaas.proto.preprocess.v1.Tokenize;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One bundled data set the demo runs through the lifecycle, and how it trains.
 *
 * @param pipeline the pipeline the demo prepares explicitly and trains on, or null for the
 *                 default pipeline that preprocess runs on its own after every seal
 */
public record DemoDataset(String name, Path file, FileFormat format, Schema schema, PipelineSpec pipeline,
        ModelFamily family, Hyperparameters hyperparameters) {

    /** The name of the pipeline preprocess prepares after every seal. */
    public static final String DEFAULT_PIPELINE = "default";

    /** A data set trained on the default pipeline. */
    public DemoDataset(String name, Path file, FileFormat format, Schema schema, ModelFamily family,
            Hyperparameters hyperparameters) {
        this(name, file, format, schema, null, family, hyperparameters);
    }

    /** Iris: four measurements, three species; an MLP. */
    public static DemoDataset iris(Path datasets) {
        Schema schema = Schema.newBuilder()
                .addColumns(column("sepal_length", ColumnType.DOUBLE))
                .addColumns(column("sepal_width", ColumnType.DOUBLE))
                .addColumns(column("petal_length", ColumnType.DOUBLE))
                .addColumns(column("petal_width", ColumnType.DOUBLE))
                .addColumns(column("species", ColumnType.STRING))
                .setLabelColumn("species")
                .build();
        return new DemoDataset("iris", datasets.resolve("iris.csv"), FileFormat.CSV, schema, ModelFamily.MLP,
                Hyperparameters.newBuilder().setEpochs(100).setBatchSize(16).setLearningRate(0.01)
                        .addHiddenUnits(16).setSeed(7).build());
    }

    /** 10,000 handwritten digits, 28×28 grey-scale; a small CNN. */
    public static DemoDataset digits(Path datasets) {
        return new DemoDataset("digits", datasets.resolve("mnist10k.u8.gz"), FileFormat.IMAGE_RECORDS_GZ,
                digitsSchema(), ModelFamily.CNN, Hyperparameters.newBuilder().setEpochs(8).setBatchSize(64)
                        .setLearningRate(0.001).setSeed(7).build());
    }

    /**
     * Seattle's daily weather 2012–2015; an LSTM that forecasts tomorrow's maximum temperature
     * from the last 14 days (pipeline {@code forecast}: windows of 14 days split by time, the
     * date as day-of-year features). 15 epochs at 0.001: at 30 epochs and 0.003 the LSTM
     * overfits and loses to the naive forecast (platform/models' SeattleForecastTest).
     */
    public static DemoDataset seattleWeather(Path datasets) {
        Schema schema = Schema.newBuilder()
                .addColumns(column("date", ColumnType.STRING))
                .addColumns(column("precipitation", ColumnType.DOUBLE))
                .addColumns(column("temp_max", ColumnType.DOUBLE))
                .addColumns(column("temp_min", ColumnType.DOUBLE))
                .addColumns(column("wind", ColumnType.DOUBLE))
                .addColumns(column("weather", ColumnType.STRING))
                .setLabelColumn("temp_max")
                .build();
        PipelineSpec forecast = PipelineSpec.newBuilder().setName("forecast")
                .setSequence(Sequence.newBuilder().setTimeColumn("date").setWindow(ForecastScenario.WINDOW)).build();
        return new DemoDataset("weather", datasets.resolve("seattle-weather.csv"), FileFormat.CSV, schema, forecast,
                ModelFamily.LSTM, Hyperparameters.newBuilder().setEpochs(15).setBatchSize(32).setLearningRate(0.001)
                        .addHiddenUnits(32).setSeed(42).build());
    }

    /**
     * The digits again, as anomaly detection: an autoencoder (encoder 128, 32) learns to redraw
     * zeros only (pipeline {@code anomaly}: the training split keeps the zeros), so any other
     * digit redraws badly and scores high (platform/models' DigitsAnomalyTest).
     */
    public static DemoDataset digitAnomalies(Path datasets) {
        PipelineSpec anomaly = PipelineSpec.newBuilder().setName("anomaly").setTask(Task.ANOMALY)
                .setAnomaly(Anomaly.newBuilder().addNormalLabels(AnomalyScenario.NORMAL_DIGIT)).build();
        return new DemoDataset("digit-anomalies", datasets.resolve("mnist10k.u8.gz"), FileFormat.IMAGE_RECORDS_GZ,
                digitsSchema(), anomaly, ModelFamily.AUTOENCODER, Hyperparameters.newBuilder().setEpochs(20)
                        .setBatchSize(32).setLearningRate(0.002).addHiddenUnits(128).addHiddenUnits(32).setSeed(42)
                        .build());
    }

    /**
     * 3,000 mails of the SpamAssassin corpus (2,500 ham, 500 spam), subject and body as text; an
     * EMBEDDING_BAG text classifier (pipeline {@code text}: the subject's and body's words as the
     * ids of a vocabulary learnt on the training mails, the default stratified 70/15/15 split).
     * The settings of platform/models' SpamClassifierTest: embedding 64, 8 epochs, batch 32, lr
     * 0.003, seed 42. The file is gzipped JSON lines whose {@code id} the schema leaves out, so it
     * is imported through {@link #reading()}.
     */
    public static DemoDataset spamMail(Path datasets) {
        Schema schema = Schema.newBuilder()
                .addColumns(nullable("subject"))
                .addColumns(nullable("body"))
                .addColumns(column("label", ColumnType.STRING))
                .setLabelColumn("label")
                .build();
        PipelineSpec text = PipelineSpec.newBuilder().setName("text")
                .addSteps(Step.newBuilder().setDropMissingLabel(DropMissingLabel.getDefaultInstance()))
                .addSteps(Step.newBuilder().setTokenize(Tokenize.newBuilder().addAllColumns(TextScenario.TEXT_COLUMNS)))
                .build();
        return new DemoDataset("mail", datasets.resolve(TextScenario.FILE), FileFormat.JSONL, schema, text,
                ModelFamily.EMBEDDING_BAG, Hyperparameters.newBuilder().setEpochs(8).setBatchSize(32)
                        .setLearningRate(0.003).addHiddenUnits(64).setSeed(42).build());
    }

    /**
     * 20,000 US flights of 2001 (date, delay, distance, origin, destination), as implicit
     * feedback: which destinations to suggest for an origin airport (pipeline {@code routes}: a
     * user is an origin, an item a destination, a route's flights add up to one interaction,
     * airports are shared ids; the default hold-out of 80/10/10 of each origin's destinations,
     * seed 42). A MATRIX_FACTORISATION recommender with vectors of 32 trained with
     * {@code RecommenderPlan.defaults}' epochs, batch and learning rate (platform/models'
     * FlightsRecommendationTest); its negatives and weight decay are left to the service, which
     * takes the same defaults. The file is one JSON array, imported through {@link #reading()}.
     */
    public static DemoDataset flights(Path datasets) {
        Schema schema = Schema.newBuilder()
                .addColumns(column("date", ColumnType.STRING))
                .addColumns(column("delay", ColumnType.INT64))
                .addColumns(column("distance", ColumnType.INT64))
                .addColumns(column(RecommendScenario.ORIGIN, ColumnType.STRING))
                .addColumns(column(RecommendScenario.DESTINATION, ColumnType.STRING))
                .build();
        PipelineSpec routes = PipelineSpec.newBuilder().setName("routes").setTask(Task.RECOMMENDATION)
                .setInteractions(Interactions.newBuilder().setUserColumn(RecommendScenario.ORIGIN)
                        .setItemColumn(RecommendScenario.DESTINATION).setSharedIds(true)).build();
        return new DemoDataset("flights", datasets.resolve(RecommendScenario.FILE), FileFormat.JSONL, schema, routes,
                ModelFamily.MATRIX_FACTORISATION, Hyperparameters.newBuilder().setEpochs(40).setBatchSize(256)
                        .setLearningRate(0.01).addHiddenUnits(32).setSeed(42).build());
    }

    /**
     * How the file is read to import it: gzipped JSON lines ({@code .jsonl.gz}) are unzipped and each
     * object kept to the schema's columns (ingest refuses keys outside the schema); a JSON array
     * ({@code .json}) becomes JSON lines of its objects, kept to the columns likewise; any other file
     * as it is.
     */
    public UnaryOperator<InputStream> reading() {
        Set<String> columns = schema.getColumnsList().stream().map(Column::getName).collect(Collectors.toSet());
        if (format == FileFormat.JSONL && file.getFileName().toString().endsWith(".json")) {
            return in -> new JsonArrayLines(in, columns);
        }
        if (format != FileFormat.JSONL || !DataFormat.gzippedText(file)) {
            return UnaryOperator.identity();
        }
        return in -> new SchemaJsonLines(DataFormat.unzipped(file, in), columns);
    }

    /** The name of the pipeline it trains on. */
    public String pipelineName() {
        return pipeline == null ? DEFAULT_PIPELINE : pipeline.getName();
    }

    private static Schema digitsSchema() {
        return Schema.newBuilder()
                .addColumns(Column.newBuilder().setName("image").setType(ColumnType.IMAGE_U8).addShape(28).addShape(28))
                .addColumns(column("label", ColumnType.INT64))
                .setLabelColumn("label")
                .build();
    }

    private static Column nullable(String name) {
        return Column.newBuilder().setName(name).setType(ColumnType.STRING).setNullable(true).build();
    }

    private static Column column(String name, ColumnType type) {
        return Column.newBuilder().setName(name).setType(type).build();
    }
}
