package dev.aiaas.cli.demo;

import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.nio.file.Path;

/** One bundled data set the demo runs through the lifecycle, and how it trains. */
public record DemoDataset(String name, Path file, FileFormat format, Schema schema, ModelFamily family,
        Hyperparameters hyperparameters) {

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
        Schema schema = Schema.newBuilder()
                .addColumns(Column.newBuilder().setName("image").setType(ColumnType.IMAGE_U8).addShape(28).addShape(28))
                .addColumns(column("label", ColumnType.INT64))
                .setLabelColumn("label")
                .build();
        return new DemoDataset("digits", datasets.resolve("mnist10k.u8.gz"), FileFormat.IMAGE_RECORDS_GZ, schema,
                ModelFamily.CNN, Hyperparameters.newBuilder().setEpochs(8).setBatchSize(64).setLearningRate(0.001)
                        .setSeed(7).build());
    }

    private static Column column(String name, ColumnType type) {
        return Column.newBuilder().setName(name).setType(type).build();
    }
}
