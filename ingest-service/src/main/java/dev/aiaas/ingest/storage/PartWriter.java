package dev.aiaas.ingest.storage;

import dev.aiaas.ingest.model.VersionPart;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.StoredArtifact;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a version's records as JSON lines into parts {@code part-00000.jsonl},
 * {@code part-00001.jsonl}, … under a prefix, at most {@code rowsPerPart} lines each. A part
 * is spooled to a temporary file and stored (with its SHA-256) once full, so memory holds
 * one line at a time however large the version is.
 */
public final class PartWriter implements AutoCloseable {

    /** The most records the data format allows in one part. */
    public static final int MAX_ROWS_PER_PART = 50_000;

    private final ArtifactStore store;
    private final String prefix;
    private final int rowsPerPart;
    private final List<VersionPart> parts = new ArrayList<>();
    private Path spool;
    private BufferedWriter out;
    private long rows;

    public PartWriter(ArtifactStore store, String prefix, int rowsPerPart) {
        if (rowsPerPart < 1 || rowsPerPart > MAX_ROWS_PER_PART) {
            throw new IllegalArgumentException("ingest.seal.part-rows is " + rowsPerPart + ": use 1 to " + MAX_ROWS_PER_PART);
        }
        this.store = store;
        this.prefix = prefix;
        this.rowsPerPart = rowsPerPart;
    }

    /** Appends one record (a JSON object without line breaks). */
    public void write(String jsonLine) {
        try {
            if (out == null) {
                spool = Files.createTempFile("aiaas-part-", ".jsonl");
                out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
            }
            out.write(jsonLine);
            out.write('\n');
            if (++rows == rowsPerPart) {
                storePart();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool a part of " + prefix + " to a temporary file", e);
        }
    }

    /** Stores the last, partly filled part; the parts in order. */
    public List<VersionPart> finish() {
        try {
            if (out != null) {
                storePart();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool a part of " + prefix + " to a temporary file", e);
        }
        return List.copyOf(parts);
    }

    private void storePart() throws IOException {
        out.close();
        String key = ObjectKeys.datasetPart(prefix, parts.size());
        StoredArtifact stored = store.put(key, spool);
        parts.add(new VersionPart(key, stored.sha256(), stored.size(), rows));
        discardSpool();
        rows = 0;
    }

    /** Removes the temporary file of an unfinished part. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            discardSpool();
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the temporary part " + spool, e);
        }
    }

    private void discardSpool() throws IOException {
        out = null;
        if (spool != null) {
            Files.deleteIfExists(spool);
            spool = null;
        }
    }
}
