package dev.aiaas.cli.datasets;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas datasets show NAME}: the dataset, its schema and its versions. */
@Command(name = "show", description = "Show a dataset: its schema, open rows, auto-seal limits and sealed versions.")
final class ShowDatasetCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the dataset")
    String name;

    @Override
    protected int run(Session session) {
        Dataset dataset = session.services().ingest().getDataset(GetDatasetRequest.newBuilder().setName(name).build());
        ListDatasetVersionsResponse versions = session.services().ingest().listDatasetVersions(
                ListDatasetVersionsRequest.newBuilder().setDataset(name).build());
        session.printer().print(() -> ProtoText.object("dataset", dataset)
                        .set("versions", ProtoText.tree(versions).get("versions")),
                () -> DatasetView.details(dataset) + "\n" + SchemaView.table(dataset.getSchema()) + "\n"
                        + DatasetView.versions(versions.getVersionsList()));
        return ExitCodes.OK;
    }
}
