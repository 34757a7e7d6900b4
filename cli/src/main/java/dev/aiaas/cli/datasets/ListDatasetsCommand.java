package dev.aiaas.cli.datasets;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsResponse;
import picocli.CommandLine.Command;

/** {@code aiaas datasets list}. */
@Command(name = "list", description = "List the project's datasets.")
final class ListDatasetsCommand extends ApiCommand {

    @Override
    protected int run(Session session) {
        ListDatasetsResponse answer = session.services().ingest().listDatasets(ListDatasetsRequest.getDefaultInstance());
        session.printer().print(answer, () -> DatasetView.list(answer.getDatasetsList()));
        return ExitCodes.OK;
    }
}
