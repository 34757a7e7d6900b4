package dev.aiaas.training.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.models.GpuUnavailableException;
import dev.aiaas.storage.ArtifactIntegrityException;
import dev.aiaas.storage.ArtifactNotFoundException;
import dev.aiaas.storage.ArtifactStoreException;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Why a job failed, worded for the person who submitted it: what went wrong and what to do next. */
final class JobFailure {

    private static final Logger LOG = Logger.getLogger(JobFailure.class);

    private JobFailure() {
    }

    static String describe(String jobId, Throwable failure) {
        if (failure instanceof DomainException || failure instanceof GpuUnavailableException) {
            return failure.getMessage();
        }
        if (failure instanceof ArtifactNotFoundException) {
            return "an object of the prepared dataset is missing (" + failure.getMessage()
                    + "): prepare the dataset again, then submit the job again";
        }
        if (failure instanceof ArtifactIntegrityException) {
            return "an object of the prepared dataset does not match its SHA-256 (" + failure.getMessage()
                    + "): prepare the dataset again, then submit the job again";
        }
        if (failure instanceof ArtifactStoreException) {
            return "the object store failed (" + failure.getMessage()
                    + "): check that it is reachable at aiaas.storage.endpoint, then submit the job again";
        }
        if (failure instanceof IllegalArgumentException) {
            return "the prepared data cannot train this model: " + failure.getMessage();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "training job %s failed unexpectedly (error %s)", jobId, errorId);
        return "training failed unexpectedly (error " + errorId + ", logged by training-service): submit the job "
                + "again; if it fails the same way, report the error id";
    }
}
