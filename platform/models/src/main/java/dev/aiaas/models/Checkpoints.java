package dev.aiaas.models;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a training run survives its process: the checkpoint it resumes from (the parameters
 * after {@code completedEpochs} epochs), and where it saves its parameters after each epoch
 * for {@code sink} to keep. The optimizer's moment estimates are not part of a checkpoint: a
 * resumed run starts them afresh at its first epoch, so it ends close to, not bit-equal to,
 * an uninterrupted run of the same seed.
 */
public record Checkpoints(Optional<ResumePoint> resume, Path folder, CheckpointSink sink) {

    /** Parameters saved after {@code completedEpochs} epochs. */
    public record ResumePoint(int completedEpochs, Path parameters) {
        public ResumePoint {
            if (completedEpochs < 1) {
                throw new IllegalArgumentException("a checkpoint follows at least one epoch, not " + completedEpochs);
            }
        }
    }

    /** Takes the parameters saved after an epoch; training goes on once it returns. */
    @FunctionalInterface
    public interface CheckpointSink {
        /** @param parameters a DJL parameters file, deleted after this returns */
        void saved(int epoch, Path parameters);
    }

    /** No resume and no checkpoints. */
    public static Checkpoints none() {
        return new Checkpoints(Optional.empty(), null, null);
    }

    /** Epochs already done when training starts. */
    int completedEpochs() {
        return resume.map(ResumePoint::completedEpochs).orElse(0);
    }

    boolean saving() {
        return sink != null;
    }
}
