package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import java.util.UUID;

/**
 * The id an inference answer and its prediction-log entry carry: the client's {@code id} when it
 * sent one, else a random UUID made here (and returned), so ground truth can always name the
 * prediction it is for; and the key a request is routed by between an endpoint's versions: its
 * {@value #ROUTING_KEY} parameter when given (a user or session id keeps its version across
 * requests), else its id.
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

    /** The request parameter that names the key a request is routed by. */
    static final String ROUTING_KEY = "routing_key";

    /**
     * @param requestId the request's id ({@link #of}), the key when the request names none
     * @throws DomainException INVALID_ARGUMENT for a key that is not a string, is empty or is
     *                         longer than {@value #MAX_LENGTH} characters
     */
    static String routingKey(ModelInferRequest request, String requestId) {
        InferParameter parameter = request.getParametersOrDefault(ROUTING_KEY, null);
        if (parameter == null) {
            return requestId;
        }
        if (parameter.getParameterChoiceCase() != InferParameter.ParameterChoiceCase.STRING_PARAM
                || parameter.getStringParam().isEmpty()) {
            throw DomainException.invalid("parameters." + ROUTING_KEY + " must be a non-empty string (a user or "
                    + "session id, say); leave it out to route by the request id");
        }
        String key = parameter.getStringParam();
        if (key.length() > MAX_LENGTH) {
            throw DomainException.invalid("parameters." + ROUTING_KEY + " is " + key.length()
                    + " characters long; send at most " + MAX_LENGTH);
        }
        return key;
    }
}
