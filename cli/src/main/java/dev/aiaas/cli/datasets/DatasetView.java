package dev.aiaas.cli.datasets;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import java.util.List;

/** Datasets and their versions as the table output shows them. */
final class DatasetView {

    private DatasetView() {
    }

    static String details(Dataset dataset) {
        return new Fields()
                .add("dataset", dataset.getName())
                .add("description", Cells.text(dataset.getDescription()))
                .add("label", Cells.text(dataset.getSchema().getLabelColumn()))
                .add("open rows", dataset.getOpenRows())
                .add("latest version", dataset.getLatestVersion() == 0 ? "none sealed" : "v" + dataset.getLatestVersion())
                .add("auto-seal", AutoSealLimits.describe(dataset))
                .add("created", Cells.time(dataset.getCreatedAt()))
                .toString();
    }

    static String list(List<Dataset> datasets) {
        TextTable table = TextTable.of("NAME", "COLUMNS", "LABEL", "OPEN ROWS", "LATEST VERSION", "CREATED");
        for (Dataset d : datasets) {
            table.row(d.getName(), d.getSchema().getColumnsCount(), Cells.text(d.getSchema().getLabelColumn()),
                    d.getOpenRows(), d.getLatestVersion() == 0 ? "-" : "v" + d.getLatestVersion(),
                    Cells.time(d.getCreatedAt()));
        }
        return table.toString();
    }

    static String versions(List<DatasetVersion> versions) {
        if (versions.isEmpty()) {
            return "no sealed versions\n";
        }
        TextTable table = TextTable.of("VERSION", "ROWS", "SHA256", "CREATED");
        for (DatasetVersion v : versions) {
            table.row("v" + v.getVersion(), v.getRowCount(), v.getSha256().substring(0, Math.min(16, v.getSha256().length())),
                    Cells.time(v.getCreatedAt()));
        }
        return table.toString();
    }

    static String sealed(DatasetVersion version) {
        return new Fields()
                .add("dataset", version.getDataset())
                .add("sealed version", "v" + version.getVersion())
                .add("rows", version.getRowCount())
                .add("sha256", version.getSha256())
                .add("created", Cells.time(version.getCreatedAt()))
                .toString();
    }
}
