package dev.aiaas.cli.datasets;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;

/** Which version of a dataset a command means when it names none: the newest sealed one. */
public final class LatestVersion {

    private LatestVersion() {
    }

    /** {@code version} when above 0, else the dataset's newest sealed version. */
    public static long orLatest(Session session, String dataset, long version) {
        if (version > 0) {
            return version;
        }
        Dataset found = session.services().ingest().getDataset(GetDatasetRequest.newBuilder().setName(dataset).build());
        if (found.getLatestVersion() == 0) {
            throw CommandFailure.refused("dataset '" + dataset + "' has no sealed version yet: import rows, then "
                    + "aiaas datasets seal " + dataset);
        }
        return found.getLatestVersion();
    }
}
