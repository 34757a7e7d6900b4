package dev.aiaas.models;

/** Training stopped between two batches because its cancellation check said so. */
public class TrainingCancelledException extends RuntimeException {

    private final int epoch;

    public TrainingCancelledException(int epoch) {
        super("training was cancelled during epoch " + epoch);
        this.epoch = epoch;
    }

    /** The epoch (1-based) that was running when training stopped. */
    public int epoch() {
        return epoch;
    }
}
