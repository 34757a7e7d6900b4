package dev.aiaas.bench.training;

import java.util.Optional;

/**
 * One measured run of one side.
 *
 * @param seconds      wall time: the bare loop's training call, or the service's SubmitJob until the job
 *                     was seen SUCCEEDED
 * @param testAccuracy accuracy on the prepared test split (untimed for the bare loop; the job's own evaluation)
 * @param job          for a service run, where the job's time went, from its own timestamps
 */
record TrainingRun(double seconds, double testAccuracy, Optional<JobTimes> job) {

    /**
     * Where a job's time went, in seconds, from the training service's timestamps.
     *
     * @param queued         created until a worker started it
     * @param inWorker       started until finished
     * @param afterLastEpoch the last epoch's progress until finished: evaluation, artifact upload, registration
     */
    record JobTimes(double queued, double inWorker, double afterLastEpoch) {
    }

    static TrainingRun bare(double seconds, double testAccuracy) {
        return new TrainingRun(seconds, testAccuracy, Optional.empty());
    }
}
