package dev.aiaas.models;

/** Told after every epoch; may throw {@link TrainingCancelledException} to stop training. */
@FunctionalInterface
public interface EpochListener {

    void epochFinished(EpochReport report);
}
