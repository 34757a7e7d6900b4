package dev.aiaas.ingest.service;

import dev.aiaas.ingest.model.IntakeSummary;

/**
 * One file import in progress: its bytes go through a format's reader into an upload
 * session, which validates and stores the records in batches. Not thread-safe.
 */
public final class FileImport {

    private final UploadSession session;
    private final FileRecordReader reader;

    FileImport(UploadSession session, FileRecordReader reader) {
        this.session = session;
        this.reader = reader;
    }

    /** The next bytes of the file. */
    public void accept(byte[] chunk) {
        reader.accept(chunk);
    }

    /** Reads what is left, stores the last batch and reports the import. */
    public IntakeSummary finish() {
        reader.finish();
        return session.finish();
    }
}
