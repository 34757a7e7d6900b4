package dev.aiaas.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the training service ({@code training.*}). */
@ConfigMapping(prefix = "training")
public interface TrainingConfig {

    /** Most jobs one ListJobs call returns. */
    @WithDefault("500")
    int listLimit();

    /** How often WatchJob looks for new progress of a job. */
    @WithDefault("PT0.25S")
    Duration watchInterval();

    /** Longest a WatchJob stream stays open. */
    @WithDefault("PT6H")
    Duration watchTimeout();

    /** The worker that trains the queued jobs. */
    Worker worker();

    /** Calls to the model registry (address: {@code quarkus.grpc.clients.registry.*}). */
    Registry registry();

    interface Worker {

        /** Folder for a job's downloaded splits and saved parameters; each job's sub-folder is deleted when it ends. */
        @WithDefault("${java.io.tmpdir}/aiaas-training")
        String workDir();

        /** Longest time between two looks at a running job's state: how late a cancel is noticed. */
        @WithDefault("PT1S")
        Duration cancelCheckInterval();

        /** Version of this code, recorded in every model's lineage. */
        @WithDefault("${quarkus.application.version:dev}")
        String codeVersion();
    }

    interface Registry {

        /** Deadline of one call to the registry. */
        @WithDefault("PT10S")
        Duration deadline();
    }
}
