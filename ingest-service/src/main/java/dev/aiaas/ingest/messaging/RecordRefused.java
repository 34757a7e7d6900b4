package dev.aiaas.ingest.messaging;

/**
 * Why a record of the intake's topics was refused: the nack reason, written by the
 * channel's dead-letter queue into the letter's {@code dead-letter-reason} header.
 */
final class RecordRefused extends RuntimeException {

    RecordRefused(String reason) {
        super(reason, null, false, false);
    }
}
