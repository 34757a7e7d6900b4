package dev.aiaas.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the ingest service ({@code ingest.*}); the defaults run the local stack. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Records that arrive on Kafka. */
    Records records();

    interface Records {
        /** Attempts to store a valid record before it is dead-lettered as unstorable. */
        @WithDefault("3")
        int storeAttempts();

        /** Wait before the first retry of a failed store; doubled for each further retry. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Longest wait for Kafka to acknowledge a dead-lettered record. */
        @WithDefault("30s")
        Duration deadLetterTimeout();
    }
}
