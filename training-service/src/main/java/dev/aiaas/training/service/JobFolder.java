package dev.aiaas.training.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** A job's scratch folder (downloaded splits, saved parameters), removed with everything in it on close. */
final class JobFolder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobFolder.class);

    private final Path path;

    private JobFolder(Path path) {
        this.path = path;
    }

    /** A fresh folder for {@code jobId} under {@code workDir}. */
    static JobFolder create(String workDir, String jobId) {
        try {
            Path root = Files.createDirectories(Path.of(workDir));
            return new JobFolder(Files.createTempDirectory(root, jobId + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder under " + workDir
                    + ": point training.worker.work-dir at a writable folder", e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("could not remove the scratch folder %s: %s", path, e);
        }
    }
}
