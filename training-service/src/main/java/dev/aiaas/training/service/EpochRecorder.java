package dev.aiaas.training.service;

import dev.aiaas.models.EpochReport;
import dev.aiaas.models.TrainingCancelledException;
import dev.aiaas.training.model.JobCheckpoint;
import dev.aiaas.training.storage.CheckpointStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Records a running job's epochs off the training thread, in order: each epoch's checkpoint
 * goes to the object store and its progress row (with the checkpoint) to the database while the
 * next epoch already trains. When recording falls behind, a checkpoint that a newer one has
 * replaced is not uploaded (its epoch is still recorded), so the backlog stays one upload long.
 * Training asks {@link #stopped()} between batches: the job left this worker, or recording
 * failed; {@link #finish()} waits for the last epoch and reports either.
 */
final class EpochRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EpochRecorder.class);

    private final String project;
    private final String jobId;
    private final JobLifecycle lifecycle;
    private final CheckpointStore checkpoints;
    private final Path spool;
    private final ExecutorService executor;
    private final Map<Integer, Path> saved = new ConcurrentHashMap<>();
    private final AtomicInteger newestCheckpoint = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile int lostInEpoch;
    private Future<?> last;

    EpochRecorder(String project, String jobId, JobLifecycle lifecycle, CheckpointStore checkpoints, Path spool) {
        this.project = project;
        this.jobId = jobId;
        this.lifecycle = lifecycle;
        this.checkpoints = checkpoints;
        this.spool = spool;
        this.executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "epochs-" + jobId));
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + spool + " for the checkpoints of " + jobId, e);
        }
    }

    /** The checkpoint sink: keeps the parameters saved after {@code epoch} until its epoch is recorded. */
    void checkpointSaved(int epoch, Path parameters) {
        Path kept = spool.resolve("epoch-" + epoch + ".params");
        try {
            Files.move(parameters, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the checkpoint of epoch " + epoch + " of " + jobId, e);
        }
        saved.put(epoch, kept);
        newestCheckpoint.set(epoch);
    }

    /** The epoch listener: hands the epoch (and its checkpoint, if one was saved) to the recording thread. */
    void epochFinished(EpochReport report) {
        Path parameters = saved.remove(report.epoch());
        last = executor.submit(() -> record(report, parameters));
    }

    /** Whether training should stop: the job left this worker, or an epoch could not be recorded. */
    boolean stopped() {
        return lostInEpoch > 0 || failure.get() != null;
    }

    /**
     * Waits until every epoch handed over is recorded.
     *
     * @throws TrainingCancelledException when the job left this worker (cancelled, or its lease lost)
     * @throws RuntimeException what recording an epoch threw
     */
    void finish() {
        if (last != null) {
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the epochs of " + jobId + " were recorded", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("recording the epochs of " + jobId + " failed", e.getCause());
            }
        }
        throwIfStopped();
    }

    /** What stopped training, if recording did: the failure, or the cancellation. */
    void throwIfStopped() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        if (lostInEpoch > 0) {
            throw new TrainingCancelledException(lostInEpoch);
        }
    }

    private void record(EpochReport report, Path parameters) {
        try {
            if (stopped()) {
                return;
            }
            Optional<JobCheckpoint> checkpoint = Optional.empty();
            if (parameters != null && report.epoch() == newestCheckpoint.get()) {
                checkpoint = Optional.of(checkpoints.put(project, jobId, report.epoch(), parameters));
            }
            if (!lifecycle.epochFinished(project, jobId, report, checkpoint)) {
                lostInEpoch = report.epoch();
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            deleteQuietly(parameters);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warnf("job %s: an epoch was still being recorded after 30 s", jobId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saved.values().forEach(EpochRecorder::deleteQuietly);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("could not delete %s: %s", file, e.getMessage());
            }
        }
    }
}
