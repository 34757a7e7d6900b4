package dev.aiaas.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the ingest service ({@code ingest.*}); the defaults run the local stack. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Sealing open records into versions. */
    Seal seal();

    /** Records that arrive on Kafka. */
    Records records();

    /** Sealing by ingest itself, once a dataset's auto-seal limits are reached (SetAutoSeal). */
    AutoSeal autoSeal();

    interface Seal {
        /** Most records in one part file of a version; the data format allows 1 to 50 000. */
        @WithDefault("50000")
        int partRows();

        /**
         * Seconds one seal may hold its transaction (read the open records, write the parts
         * and the manifest, record the version) before it is rolled back.
         */
        @WithDefault("600")
        int transactionTimeout();
    }

    interface AutoSeal {
        /**
         * How often every dataset with auto-sealing on is checked against its limits: a dataset
         * is sealed at most this long after it reached one.
         */
        @WithDefault("PT10S")
        Duration interval();
    }

    interface Records {
        /** Wait before the first retry of a poll that could not be taken; doubled for each further retry. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Longest wait between two retries of a poll; retries go on until it is taken. */
        @WithDefault("30s")
        Duration maxRetryBackoff();
    }
}
