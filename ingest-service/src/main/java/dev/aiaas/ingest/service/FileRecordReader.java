package dev.aiaas.ingest.service;

/**
 * Turns a file that arrives in chunks into records, as the chunks arrive: nothing holds
 * more of the file than the record being read. Not thread-safe: one reader per import.
 */
public interface FileRecordReader {

    /** The next bytes of the file. */
    void accept(byte[] chunk);

    /** The file has ended: whatever is left is read (or reported as unreadable). */
    void finish();
}
