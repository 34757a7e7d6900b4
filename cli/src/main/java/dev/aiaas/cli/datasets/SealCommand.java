package dev.aiaas.cli.datasets;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas datasets seal NAME}: the open rows become the next immutable version. */
@Command(name = "seal", description = {"Seal the open rows into the next immutable version.",
    "Preprocess then prepares it with the default pipeline on its own (see: aiaas prepare)."})
final class SealCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the dataset")
    String name;

    @Override
    protected int run(Session session) {
        DatasetVersion version = seal(session, name);
        session.printer().print(version, () -> DatasetView.sealed(version));
        return ExitCodes.OK;
    }

    static DatasetVersion seal(Session session, String dataset) {
        return session.services().ingest().sealVersion(SealVersionRequest.newBuilder().setDataset(dataset).build());
    }
}
