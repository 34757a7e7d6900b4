package dev.aiaas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory a server owns: a given one (created if missing, kept on close) or a temporary
 * one (deleted on close). Checked for writability up front, because servers report an
 * unwritable directory late and obscurely, and locked while the server runs, because two
 * servers writing one directory (two launchers on one {@code .aiaas/}, say) corrupt it.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "aiaas.lock";

    private final Path path;
    private final boolean temporary;
    private final FileChannel lockChannel;

    private DataDirectory(String server, Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
        this.lockChannel = lock(server, path);
    }

    /**
     * Prepares the data directory for {@code server}.
     *
     * @param given the directory to use, or {@code null} for a temporary one
     * @throws ServerStartException if the directory cannot be created or written
     */
    static DataDirectory prepare(String server, Path given) {
        if (given == null) {
            try {
                return new DataDirectory(server, Files.createTempDirectory("aiaas-" + server + "-"), true);
            } catch (IOException e) {
                throw new ServerStartException("cannot create a temporary data directory for " + server
                        + " under " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
                        + " (free some disk space or set java.io.tmpdir)", e);
            }
        }
        Path dir = given.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ServerStartException("data directory " + dir + " for " + server
                    + " is not writable (" + e + "): fix its permissions or choose another directory", e);
        }
        return new DataDirectory(server, dir, false);
    }

    Path path() {
        return path;
    }

    /** A directory inside this one, created if missing. */
    Path subdirectory(String name) {
        Path sub = path.resolve(name);
        try {
            return Files.createDirectories(sub);
        } catch (IOException e) {
            throw new ServerStartException("cannot create " + sub + ": " + e.getMessage(), e);
        }
    }

    boolean isTemporary() {
        return temporary;
    }

    /** Releases the lock, then deletes a temporary directory; a given directory is kept. */
    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + path, e);
        }
        if (!temporary || !Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary data directory " + path, e);
        }
    }

    private static FileChannel lock(String server, Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException held) {
            // held by this JVM: reported below, like a lock held by another process
        } catch (IOException e) {
            throw new ServerStartException("cannot lock data directory " + dir + " for " + server + ": " + e, e);
        }
        closeQuietly(channel);
        throw new ServerStartException("data directory " + dir + " is in use by another " + server
                + " (it holds " + lockFile + "): stop that one first or choose another directory");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Nothing was locked through it; the refusal that follows is what matters.
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
