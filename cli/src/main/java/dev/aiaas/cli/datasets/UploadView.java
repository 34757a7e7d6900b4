package dev.aiaas.cli.datasets;

import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.common.v1.RecordError;
import dev.aiaas.proto.ingest.v1.UploadSummary;

/** An import's summary as the table output shows it. */
final class UploadView {

    private UploadView() {
    }

    /** The counts, then the first {@code errorsShown} rejected records with their reasons. */
    static String summary(UploadSummary summary, int errorsShown) {
        StringBuilder text = new StringBuilder(new Fields()
                .add("dataset", summary.getDataset())
                .add("accepted", summary.getAccepted())
                .add("rejected", summary.getRejected())
                .add("already stored", summary.getAlreadyStored())
                .add("open rows", summary.getOpenRows())
                .toString());
        if (summary.getErrorsCount() > 0) {
            TextTable errors = TextTable.of("ROW", "REASON");
            summary.getErrorsList().stream().limit(errorsShown)
                    .forEach((RecordError e) -> errors.row(e.getRow(), e.getReason()));
            text.append('\n').append(errors);
            if (summary.getRejected() > errorsShown) {
                text.append("… and ").append(summary.getRejected() - errorsShown).append(" more\n");
            }
        }
        return text.toString();
    }
}
