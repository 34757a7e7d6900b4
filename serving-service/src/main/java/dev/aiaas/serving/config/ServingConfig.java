package dev.aiaas.serving.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the serving service ({@code serving.*}). */
@ConfigMapping(prefix = "serving")
public interface ServingConfig {

    /** Name the server reports in the Open Inference Protocol's server metadata. */
    @WithDefault("aiaas-serving")
    String serverName();

    /** Version the server reports in its metadata. */
    @WithDefault("${quarkus.application.version:dev}")
    String serverVersion();

    /** Longest a registry lookup may take. */
    @WithDefault("PT10S")
    Duration registryTimeout();

    /** Most rows one inference request may carry (RESOURCE_EXHAUSTED beyond). */
    @WithDefault("4096")
    int maxRowsPerRequest();

    /** Fraction of requests whose raw features go to the prediction log for drift (0 to 1). */
    @WithDefault("1.0")
    double featureSampleRate();

    /** Prediction-log events waiting for Kafka before new ones are counted as dropped. */
    @WithDefault("10000")
    int predictionLogQueue();
}
