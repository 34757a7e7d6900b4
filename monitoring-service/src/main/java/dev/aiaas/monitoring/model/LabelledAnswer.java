package dev.aiaas.monitoring.model;

/** A kept answer with the ground truth recorded for its request. */
public record LabelledAnswer(PredictionAnswer answer, GroundTruth truth) {
}
