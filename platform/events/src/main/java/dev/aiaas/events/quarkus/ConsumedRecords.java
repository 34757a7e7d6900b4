package dev.aiaas.events.quarkus;

import dev.aiaas.errors.Outages;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * How a service takes a Kafka record it must not lose, on a channel whose failure strategy is
 * the dead-letter queue: a record its handler refuses ({@link IllegalArgumentException}: it
 * cannot be read, or breaks a rule) or cannot handle for a reason of its own is nacked, so the
 * connector writes it to the dead-letter topic with the reason; while the handler fails with an
 * outage (its database restarting, the object store away) it is run again with back-off and
 * the record waits, since a valid record is never dead-lettered for an outage. A service
 * stopping meanwhile leaves the record neither acked nor nacked: its offset is not committed,
 * and whoever reads the partition next takes it again.
 */
public final class ConsumedRecords {

    /** The first pause after an outage; it doubles up to {@link #LONGEST_PAUSE}. */
    public static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    public static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** What a service does with one record's value. */
    @FunctionalInterface
    public interface Handler {
        void handle(byte[] value) throws Exception;
    }

    private ConsumedRecords() {
    }

    /**
     * Runs {@code handler} on the record's value and settles the record by the outcome.
     *
     * @param what what handling does, for the log while an outage lasts ("recording a prediction")
     */
    public static CompletionStage<Void> take(Message<byte[]> record, String what, Handler handler) {
        try {
            Outages.retryThrough(what, () -> {
                handler.handle(record.getPayload());
                return null;
            }, FIRST_PAUSE, LONGEST_PAUSE);
            return record.ack();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new CompletableFuture<>();
        } catch (Exception refused) {
            return record.nack(refused);
        }
    }
}
