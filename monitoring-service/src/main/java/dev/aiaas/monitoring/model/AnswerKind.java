package dev.aiaas.monitoring.model;

/** What a model version answers, which says what ground truth it is judged against. */
public enum AnswerKind {
    /** A class label per row (a classifier); judged by accuracy and macro F1 against true labels. */
    CLASSIFICATION,
    /** Numbers, a fixed width per row (regression, forecasts, scores); judged by MSE and MAE. */
    VALUES
}
