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

    /** Fraction of requests whose raw features go to the prediction log for drift (0 to 1). */
    @WithDefault("1.0")
    double featureSampleRate();

    /** Prediction-log entries waiting for the background sender before new ones are counted as dropped. */
    @WithDefault("10000")
    int predictionLogQueue();

    /**
     * How often every replica compares each endpoint with the desired state in PostgreSQL and
     * with the registry (a missed event or a deleted alias heals or is reported within it).
     */
    @WithDefault("PT15S")
    Duration reconcileInterval();

    /**
     * Longest an inference request may wait for the model when its client set no deadline (REST
     * always, unless {@code parameters.timeout} is shorter; gRPC without a deadline); past it the
     * request is dropped before compute (DEADLINE_EXCEEDED / HTTP 504).
     */
    @WithDefault("PT30S")
    Duration requestTimeout();

    /**
     * PyTorch intra-op threads per forward pass. One suits small models best: a batch worker
     * then runs its pass on its own core, and parallelism comes from the endpoint's
     * {@code instances}; splitting a small pass over threads costs more than it saves.
     */
    @WithDefault("1")
    int engineThreads();

    /** Admission limits, checked before any tensor memory is reserved. */
    Limits limits();

    /** Batching defaults for deployments whose {@code DeployRequest.batching} leaves a field unset. */
    Batching batching();

    interface Limits {

        /** Most rows one inference request may carry. */
        @WithDefault("4096")
        int maxRowsPerRequest();

        /** Most tensor elements one request may carry over all its inputs (4 Mi = 16 MiB of FP32). */
        @WithDefault("4194304")
        int maxElementsPerRequest();

        /** Most bytes of BYTES (text) elements one request may carry. */
        @WithDefault("16777216")
        int maxBytesPerRequest();
    }

    interface Batching {

        /** Most rows merged into one forward pass. */
        @WithDefault("64")
        int maxBatchSize();

        /** Longest the first request of a batch waits for others. */
        @WithDefault("PT0.0005S")
        Duration maxQueueDelay();

        /** Requests waiting per endpoint before new ones get RESOURCE_EXHAUSTED / 429. */
        @WithDefault("1024")
        int maxQueueSize();

        /** Model instances (worker threads) per endpoint. */
        @WithDefault("1")
        int instances();
    }
}
