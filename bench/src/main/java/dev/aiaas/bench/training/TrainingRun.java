package dev.aiaas.bench.training;

import java.util.Optional;

/**
 * One measured run of one side.
 *
 * @param seconds      wall time: the bare loop's training call, or the service's SubmitJob until the job
 *                     was seen SUCCEEDED
 * @param epochSeconds mean time of an epoch after the first: from the first epoch's end to the last's, over
 *                     the epochs between (NaN for a one-epoch run); for the service, from its progress times
 * @param testAccuracy accuracy on the prepared test split (untimed for the bare loop; the job's own evaluation)
 * @param job          for a service run, where the job's time went, from its own timestamps
 */
record TrainingRun(double seconds, double epochSeconds, double testAccuracy, Optional<JobTimes> job) {

    /**
     * Where a job's time went, in seconds, from the training service's timestamps.
     *
     * @param queued         created until a worker started it
     * @param inWorker       started until finished
     * @param afterLastEpoch the last epoch's progress until finished: evaluation, artifact upload, registration
     */
    record JobTimes(double queued, double inWorker, double afterLastEpoch) {
    }

    static TrainingRun bare(double seconds, double epochSeconds, double testAccuracy) {
        return new TrainingRun(seconds, epochSeconds, testAccuracy, Optional.empty());
    }

    /** The mean epoch between the end of epoch 1 and the end of epoch {@code epochs}, both in seconds. */
    static double meanEpoch(double firstEnd, double lastEnd, int epochs) {
        return epochs < 2 ? Double.NaN : (lastEnd - firstEnd) / (epochs - 1);
    }
}
