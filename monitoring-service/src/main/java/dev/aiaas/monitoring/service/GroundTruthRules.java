package dev.aiaas.monitoring.service;

import static dev.aiaas.monitoring.model.GroundTruthVerdict.Refusal.EXPIRED;
import static dev.aiaas.monitoring.model.GroundTruthVerdict.Refusal.MALFORMED;
import static dev.aiaas.monitoring.model.GroundTruthVerdict.Refusal.MISMATCH;

import dev.aiaas.errors.Names;
import dev.aiaas.monitoring.model.AnswerKind;
import dev.aiaas.monitoring.model.GroundTruth;
import dev.aiaas.monitoring.model.GroundTruthVerdict;
import dev.aiaas.monitoring.model.PredictionAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What ground truth must be: readable on its own, young enough, and of the shape of the answer it
 * judges. The same rules admit ground truth and decide, when a report joins them, whether truth
 * recorded before its answer was logged fits it.
 */
public final class GroundTruthRules {

    /** The longest request id serving takes from a client, so the longest that can name a request. */
    static final int MAX_REQUEST_ID = 256;
    /** The longest label a ground truth may give. */
    static final int MAX_LABEL = 256;

    private GroundTruthRules() {
    }

    /**
     * What is wrong with {@code truth} on its own, received at {@code now}: no endpoint or request
     * id, both or neither of labels and values, an empty or overlong label, a value that is not
     * finite, more than {@code maxValues}, or observed longer than {@code horizon} ago.
     */
    public static Optional<GroundTruthVerdict> readable(GroundTruth truth, int maxValues, Instant now,
            Duration horizon) {
        return named(truth).or(() -> contents(truth, maxValues)).or(() -> young(truth, now, horizon));
    }

    private static Optional<GroundTruthVerdict> named(GroundTruth truth) {
        if (truth.endpoint().isEmpty() || truth.requestId().isEmpty()) {
            return refuse(MALFORMED, "ground truth has no " + (truth.endpoint().isEmpty() ? "endpoint" : "request id")
                    + ": name the endpoint and the id serving answered the request with");
        }
        if (!Names.valid(truth.endpoint())) {
            return refuse(MALFORMED, "ground truth names endpoint '" + truth.endpoint()
                    + "', which breaks the name rule of endpoints");
        }
        if (truth.requestId().length() > MAX_REQUEST_ID) {
            return refuse(MALFORMED, "ground truth names a request id of " + truth.requestId().length()
                    + " characters; serving's are at most " + MAX_REQUEST_ID);
        }
        return Optional.empty();
    }

    private static Optional<GroundTruthVerdict> contents(GroundTruth truth, int maxValues) {
        int labels = truth.labels().size();
        int values = truth.values().length;
        if ((labels == 0) == (values == 0)) {
            return refuse(MALFORMED, "ground truth of request " + truth.requestId() + " has "
                    + (labels == 0 ? "neither labels nor values" : "both labels and values")
                    + ": send labels for a classifier, values for any other model");
        }
        if (Math.max(labels, values) > maxValues) {
            return refuse(MALFORMED, "ground truth of request " + truth.requestId() + " has "
                    + Math.max(labels, values) + " labels or values; at most " + maxValues + " are taken");
        }
        for (int row = 0; row < labels; row++) {
            String label = truth.labels().get(row);
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return refuse(MALFORMED, "the label of row " + row + " of request " + truth.requestId() + " is "
                        + (label.isEmpty() ? "empty" : label.length() + " characters long (at most " + MAX_LABEL + ")"));
            }
        }
        for (int i = 0; i < values; i++) {
            if (!Double.isFinite(truth.values()[i])) {
                return refuse(MALFORMED, "value " + i + " of request " + truth.requestId() + " is "
                        + truth.values()[i] + ": ground truth values must be finite numbers");
            }
        }
        return Optional.empty();
    }

    private static Optional<GroundTruthVerdict> young(GroundTruth truth, Instant now, Duration horizon) {
        if (truth.observedAt() != null && truth.observedAt().isBefore(now.minus(horizon))) {
            return refuse(EXPIRED, "ground truth of request " + truth.requestId() + " was observed at "
                    + truth.observedAt() + ", older than the horizon of " + horizon + " within which it is taken");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code truth} can judge {@code answer}, received at {@code now}: an answer older than
     * {@code horizon} is past judging; labels judge a classifier, values any other model; and there
     * must be one label per row, or the model's width of values per row.
     */
    public static Optional<GroundTruthVerdict> judges(GroundTruth truth, PredictionAnswer answer, Instant now,
            Duration horizon) {
        if (answer.receivedAt().isBefore(now.minus(horizon))) {
            return refuse(EXPIRED, "request " + truth.requestId() + " was answered at " + answer.receivedAt()
                    + ", older than the horizon of " + horizon + " within which ground truth is taken");
        }
        return fits(truth, answer);
    }

    /** Whether {@code truth} has the kind and shape of {@code answer}: empty, or the mismatch. */
    public static Optional<GroundTruthVerdict> fits(GroundTruth truth, PredictionAnswer answer) {
        if (truth.kind() != answer.kind()) {
            return refuse(MISMATCH, truth.kind() == AnswerKind.CLASSIFICATION
                    ? "ground truth of request " + truth.requestId() + " has labels, but model " + answer.modelName()
                            + " v" + answer.modelVersion() + " predicts values: send its true values"
                    : "ground truth of request " + truth.requestId() + " has values, but model " + answer.modelName()
                            + " v" + answer.modelVersion() + " predicts labels: send its true labels");
        }
        int expected = answer.kind() == AnswerKind.CLASSIFICATION ? answer.rows() : answer.rows() * answer.width();
        int given = truth.kind() == AnswerKind.CLASSIFICATION ? truth.labels().size() : truth.values().length;
        if (given != expected) {
            return refuse(MISMATCH, "ground truth of request " + truth.requestId() + " has " + given
                    + (truth.kind() == AnswerKind.CLASSIFICATION ? " labels" : " values") + ", but the request had "
                    + answer.rows() + " rows" + (truth.kind() == AnswerKind.CLASSIFICATION ? ""
                            : " of " + answer.width() + " values each") + ": send one per row, in row order");
        }
        return Optional.empty();
    }

    private static Optional<GroundTruthVerdict> refuse(GroundTruthVerdict.Refusal refusal, String reason) {
        return Optional.of(GroundTruthVerdict.refused(refusal, reason));
    }
}
