package dev.aiaas.monitoring.messaging;

import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.PredictionAnswer;
import dev.aiaas.monitoring.model.ServedRole;
import dev.aiaas.proto.events.v1.PredictionLogged;
import java.time.Instant;
import java.util.List;

/**
 * The answer a prediction log record carries, as monitoring keeps it for ground truth: a
 * classifier's label per row (the logged label names, else the class index as text), or another
 * model's values, a fixed width per row.
 */
final class LoggedAnswers {

    private LoggedAnswers() {
    }

    /**
     * The record's answer; null for a failed request, one without a request id (nothing can name
     * it) or one that logged no answer.
     *
     * @throws IllegalArgumentException when the answer does not hold whole rows, or its label
     *                                  names are not one per predicted class
     */
    static PredictionAnswer of(PredictionLogged event, Instant received) {
        if (!"OK".equals(event.getStatus()) || event.getRequestId().isEmpty()) {
            return null;
        }
        if (event.getPredictedClassesCount() > 0) {
            return classes(event, received);
        }
        if (event.getPredictedValuesCount() > 0) {
            return values(event, received);
        }
        return null;
    }

    private static PredictionAnswer classes(PredictionLogged event, Instant received) {
        int classes = event.getPredictedClassesCount();
        if (classes != event.getRows()) {
            throw new IllegalArgumentException("prediction log record of request " + event.getRequestId() + " has "
                    + classes + " predicted classes for " + event.getRows() + " rows");
        }
        int names = event.getPredictedLabelsCount();
        if (names > 0 && names != classes) {
            throw new IllegalArgumentException("prediction log record of request " + event.getRequestId() + " has "
                    + names + " predicted labels for " + classes + " predicted classes");
        }
        List<String> labels = names > 0 ? event.getPredictedLabelsList()
                : event.getPredictedClassesList().stream().map(String::valueOf).toList();
        return new PredictionAnswer(event.getRequestId(), received, event.getModelName(), event.getModelVersion(),
                ServedRole.of(event.getRole()), AnswerKind.CLASSIFICATION, classes, labels, new float[0], 0);
    }

    private static PredictionAnswer values(PredictionLogged event, Instant received) {
        int count = event.getPredictedValuesCount();
        int rows = event.getRows();
        int width = event.getPredictedWidth() > 0 ? event.getPredictedWidth() : rows > 0 ? count / rows : 0;
        if (rows <= 0 || width <= 0 || (long) rows * width != count) {
            throw new IllegalArgumentException("prediction log record of request " + event.getRequestId() + " has "
                    + count + " predicted values, not " + rows + " rows of width " + event.getPredictedWidth());
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = event.getPredictedValues(i);
        }
        return new PredictionAnswer(event.getRequestId(), received, event.getModelName(), event.getModelVersion(),
                ServedRole.of(event.getRole()), AnswerKind.VALUES, rows, List.of(), values, width);
    }
}
