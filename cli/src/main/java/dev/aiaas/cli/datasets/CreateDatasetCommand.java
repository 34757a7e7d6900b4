package dev.aiaas.cli.datasets;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.files.DataFormat;
import dev.aiaas.cli.monitoring.DurationFlag;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas datasets create NAME}: a dataset with a declared or inferred schema. */
@Command(name = "create", description = {"Create a dataset with its schema.",
    "The schema is declared column by column (--column), or inferred from a CSV or JSON lines file's header and first "
        + "rows (--infer-from), shown, and confirmed unless --yes.",
    "With --auto-seal-rows or --auto-seal-age ingest seals its open rows by itself (see: aiaas datasets auto-seal).",
    "Creating the same dataset with the same schema again changes nothing (it keeps its auto-seal limits)."})
final class CreateDatasetCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the dataset's name: a-z, 0-9, '.', '_', '-'")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SchemaSource source;

    static final class SchemaSource {
        @Option(names = "--column", paramLabel = "NAME:TYPE[:nullable]", converter = ColumnDefinition.class,
                description = "a column, repeated in order; TYPE: double, int64, string, bool or image_u8(HxW)")
        List<Column> columns;

        @Option(names = "--infer-from", paramLabel = "FILE",
                description = "infer the schema from a CSV or JSON lines file's header and first rows")
        Path inferFrom;
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = DataFormat.Converter.class,
            description = "the format of --infer-from: csv or jsonl (default: by its extension)")
    DataFormat format;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "" + SchemaInference.DEFAULT_SAMPLE,
            description = "rows read to infer types and nullability (default: ${DEFAULT-VALUE})")
    int sampleRows;

    @Option(names = "--label", paramLabel = "COLUMN", description = "the column models learn to predict")
    String label;

    @Option(names = "--description", paramLabel = "TEXT", description = "what the dataset holds")
    String description = "";

    @Option(names = {"-y", "--yes"}, description = "create with the inferred schema without asking")
    boolean yes;

    @Option(names = "--auto-seal-rows", paramLabel = "N",
            description = "ingest seals once this many rows are open (default: no row limit)")
    long autoSealRows;

    @Option(names = "--auto-seal-age", paramLabel = "DURATION", converter = DurationFlag.OrOff.class,
            description = "ingest seals once the oldest open row is this old: 90s, 10m, 2h, 1d (default: no age limit)")
    Duration autoSealAge;

    @Override
    protected int run(Session session) throws Exception {
        AutoSeal autoSeal = AutoSealLimits.of(autoSealRows, autoSealAge, "--auto-seal-age");
        Schema schema = SchemaView.withLabel(source.columns != null ? Schema.newBuilder().addAllColumns(source.columns)
                .build() : inferred(session), label);
        Dataset dataset = session.services().ingest().createDataset(CreateDatasetRequest.newBuilder().setName(name)
                .setDescription(description).setSchema(schema).setAutoSeal(autoSeal).build());
        session.printer().print(dataset, () -> DatasetView.details(dataset) + "\n" + SchemaView.table(dataset.getSchema()));
        return ExitCodes.OK;
    }

    private Schema inferred(Session session) throws Exception {
        DataFormat chosen = DataFormat.of(source.inferFrom, format);
        SchemaInference.Inferred inferred = SchemaInference.fromFile(source.inferFrom, chosen, sampleRows);
        Schema schema = SchemaView.withLabel(inferred.schema(), label);
        session.progress().println("schema inferred from " + source.inferFrom + " (" + inferred.rowsRead()
                + " rows read):");
        session.progress().print(SchemaView.table(schema));
        if (yes) {
            return schema;
        }
        if (!session.terminal().interactive()) {
            throw CommandFailure.usage("the schema above was inferred: check it and pass --yes to create '" + name
                    + "' with it (standard input is not a terminal to ask)");
        }
        if (!session.terminal().confirm("create dataset '" + name + "' with this schema?")) {
            throw new CommandFailure(ExitCodes.ERROR, "not created: declare the columns with --column instead, "
                    + "or change the file's header");
        }
        return schema;
    }
}
