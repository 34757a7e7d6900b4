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

    /** The most one job may ask for; SubmitJob refuses more with INVALID_ARGUMENT. */
    Limits limits();

    interface Limits {
        @WithDefault("1000")
        int maxEpochs();

        @WithDefault("8192")
        int maxBatchSize();

        @WithDefault("8")
        int maxHiddenLayers();

        @WithDefault("4096")
        int maxHiddenUnits();
    }

    /** Calls to the model registry (address: {@code quarkus.grpc.clients.registry.*}). */
    Registry registry();

    interface Worker {

        /** Folder for a job's downloaded splits and saved parameters; each job's sub-folder is deleted when it ends. */
        @WithDefault("${java.io.tmpdir}/aiaas-training")
        String workDir();

        /** Longest time between two looks at a running job's state: how late a cancel is noticed. */
        @WithDefault("PT1S")
        Duration cancelCheckInterval();

        /**
         * How long a worker's hold on a running job lasts without renewal. A job whose worker
         * vanished is re-queued this long after its last renewal, and resumes from its last
         * checkpoint on whichever worker takes it.
         */
        @WithDefault("PT30S")
        Duration lease();

        /** How often a worker renews the leases of the jobs it runs; well under {@link #lease()}. */
        @WithDefault("PT5S")
        Duration heartbeatInterval();

        /** How many times a job may be taken by a worker before a vanished worker fails it for good. */
        @WithDefault("3")
        int maxAttempts();

        /** A QUEUED job announced longer ago than this is announced again (its announcement was lost). */
        @WithDefault("PT2M")
        Duration announceSilence();

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
