package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.ModelInferRequest;
import java.util.UUID;

/**
 * The id an inference answer and its prediction-log entry carry: the client's {@code id} when it
 * sent one, else a random UUID made here (and returned), so ground truth can always name the
 * prediction it is for.
 */
final class RequestIds {

    /** The longest id a client may send, in characters. */
    static final int MAX_LENGTH = 256;

    private RequestIds() {
    }

    /**
     * @throws DomainException INVALID_ARGUMENT for an id longer than {@value #MAX_LENGTH} characters
     */
    static String of(ModelInferRequest request) {
        String id = request.getId();
        if (id.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        if (id.length() > MAX_LENGTH) {
            throw DomainException.invalid("the request id is " + id.length() + " characters long; send at most "
                    + MAX_LENGTH + " (or none, and serving makes one)");
        }
        return id;
    }
}
