package dev.aiaas.cli.datasets;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.demo.FileImport;
import dev.aiaas.cli.files.DataFormat;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas datasets import NAME FILE}: streams a file into the dataset's open rows. */
@Command(name = "import", description = {"Import a file into a dataset's open rows.",
    "CSV with a header row, JSON lines, or the gzip of fixed-size image records, streamed to ingest. Records that do not fit the schema are rejected with their "
    + "row and reason (exit code 7); the others are kept.",
    "A failed transfer is retried with the same upload id, and a rerun with --upload-id ID stores nothing twice."})
final class ImportCommand extends ApiCommand {

    /** Rejected records shown with their reasons; the summary carries at most 100. */
    static final int ERRORS_SHOWN = 10;

    @Parameters(index = "0", paramLabel = "NAME", description = "the dataset")
    String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "the file to import")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", converter = DataFormat.Converter.class,
            description = "csv, jsonl or image-records (default: by extension: .csv, .jsonl/.ndjson, either also "
                    + "gzipped as .csv.gz, .jsonl.gz, unzipped while uploading; any other .gz is image records)")
    DataFormat format;

    @Option(names = "--label-bytes", paramLabel = "N", description = "image records: label bytes before each "
            + "image (default: 1)")
    int labelBytes;

    @Option(names = "--upload-id", paramLabel = "ID", description = "resume an import under this id: the records "
            + "an earlier attempt stored are skipped (default: a new id, printed)")
    String uploadId;

    @Option(names = "--seal", description = "seal the open rows into a new version when no record was rejected")
    boolean seal;


    @Override
    protected int run(Session session) throws Exception {
        DataFormat chosen = DataFormat.of(file, format);
        String id = uploadId != null ? uploadId : UUID.randomUUID().toString();
        session.progress().println("upload id " + id + " (a rerun with --upload-id " + id + " resumes it)");
        ImportProgress progress = new ImportProgress(session.progress(), session.terminal().interactive(),
                file.getFileName().toString(), chosen != DataFormat.IMAGE_RECORDS, chosen == DataFormat.CSV ? 1 : 0);
        ImportFileHeader header = ImportFileHeader.newBuilder().setDataset(name).setFormat(chosen.wire())
                .setLabelBytes(labelBytes).setUploadId(id).build();
        UploadSummary summary = FileImport.send(session.services().ingestAsync(), header, file,
                in -> progress.follow(DataFormat.unzipped(file, in)));
        progress.done();
        if (summary.getRejected() > 0) {
            session.printer().print(summary, () -> UploadView.summary(summary, ERRORS_SHOWN));
            throw CommandFailure.rejectedOrFailed(summary.getRejected() + " of "
                    + (summary.getAccepted() + summary.getRejected()) + " records were rejected (the first reasons "
                    + "are above)" + (seal ? "; not sealed: fix them and import again, or seal the accepted rows "
                    + "with: aiaas datasets seal " + name : ""));
        }
        if (!seal) {
            session.printer().print(summary, () -> UploadView.summary(summary, ERRORS_SHOWN));
            return ExitCodes.OK;
        }
        DatasetVersion version = SealCommand.seal(session, name);
        session.printer().print(() -> ProtoText.object("upload", summary, "version", version),
                () -> UploadView.summary(summary, ERRORS_SHOWN) + "\n" + DatasetView.sealed(version));
        session.progress().println("preprocess prepares v" + version.getVersion() + " with the default pipeline on its "
                + "own: aiaas prepare " + name + " --version " + version.getVersion() + " waits for it and shows it");
        return ExitCodes.OK;
    }
}
