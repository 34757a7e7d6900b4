package dev.aiaas.monitoring.model;

import java.time.Instant;
import java.util.List;

/**
 * What an endpoint answered one request with, kept so that ground truth can judge it.
 *
 * @param receivedAt when serving received the request
 * @param role       the role the version answered in (a shadow's answer reached no client)
 * @param rows       the request's rows
 * @param labels     a classifier's predicted label per row; empty for {@link AnswerKind#VALUES}
 * @param values     the predicted values, row-major, {@code width} per row; empty for a classifier
 * @param width      values per row; 0 for a classifier
 */
public record PredictionAnswer(
        String requestId,
        Instant receivedAt,
        String modelName,
        long modelVersion,
        ServedRole role,
        AnswerKind kind,
        int rows,
        List<String> labels,
        float[] values,
        int width) {

    public PredictionAnswer {
        labels = List.copyOf(labels);
    }
}
