package dev.aiaas.registry.storage;

import dev.aiaas.storage.ArtifactDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A temporary file an upload's bytes are written to as they arrive, counted and digested
 * (SHA-256) on the way, so that the file is never held in memory and its digest is known the
 * moment the last byte is in. Closing it deletes the file, whatever happened before.
 *
 * <p>Not thread-safe: one upload writes it, in order.
 */
public final class UploadSpool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadSpool.class);

    private final Path file;
    private final FileChannel channel;
    private final MessageDigest digest = ArtifactDigest.newSha256();
    private long count;

    private UploadSpool(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /**
     * A new, empty spool file (readable by this process's user only).
     *
     * @param directory where to put it; the system's temporary directory when empty
     */
    public static UploadSpool create(Optional<Path> directory) {
        try {
            Path file;
            if (directory.isPresent()) {
                Files.createDirectories(directory.get());
                file = Files.createTempFile(directory.get(), "upload-", ".part");
            } else {
                file = Files.createTempFile("upload-", ".part");
            }
            try {
                return new UploadSpool(file);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file for an upload: " + e.getMessage(), e);
        }
    }

    /** Appends {@code bytes} (all of its remaining ones). */
    public void write(ByteBuffer bytes) {
        digest.update(bytes.duplicate());
        try {
            while (bytes.hasRemaining()) {
                count += channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an upload to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Bytes written so far. */
    public long count() {
        return count;
    }

    /** Ends writing: the file as it is now, with its length and digest. */
    public SpooledFile finish() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish writing " + file + ": " + e.getMessage(), e);
        }
        return new SpooledFile(file, count, ArtifactDigest.hex(digest.digest()));
    }

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("cannot delete the spool file %s of an upload (%s); delete it by hand", file, e.getMessage());
        }
    }

    /** A finished spool file: what was written, how much and its SHA-256 (lower-case hex). */
    public record SpooledFile(Path path, long size, String sha256) {
    }
}
