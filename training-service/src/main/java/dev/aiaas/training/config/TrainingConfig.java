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
}
