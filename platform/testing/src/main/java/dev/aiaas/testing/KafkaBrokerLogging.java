package dev.aiaas.testing;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the broker's own loggers down to WARNING, so that tests and the local stack show
 * their own output instead of thousands of broker INFO lines. Works where SLF4J logs through
 * java.util.logging (JBoss LogManager, as in every Quarkus application and test). Set the
 * system property {@value #LEVEL_PROPERTY} (e.g. {@code INFO}) to see more.
 */
final class KafkaBrokerLogging {

    /** System property with the java.util.logging level for the broker's loggers. */
    static final String LEVEL_PROPERTY = "aiaas.kafka.log.level";

    /** Server-side packages only: client loggers (org.apache.kafka.clients) stay as configured. */
    private static final List<String> BROKER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.security",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage");

    /** Strong references: java.util.logging forgets the level of a logger that is collected. */
    private static List<Logger> quieted = List.of();

    private KafkaBrokerLogging() {
    }

    static synchronized void quiet() {
        if (!quieted.isEmpty()) {
            return;
        }
        Level level = Level.parse(System.getProperty(LEVEL_PROPERTY, "WARNING"));
        quieted = BROKER_LOGGERS.stream().map(Logger::getLogger).toList();
        quieted.forEach(logger -> logger.setLevel(level));
    }
}
