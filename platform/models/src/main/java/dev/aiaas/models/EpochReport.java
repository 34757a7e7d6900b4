package dev.aiaas.models;

import java.util.Map;

/**
 * One finished epoch.
 *
 * @param epoch      1-based number of the epoch
 * @param epochs     how many the plan has
 * @param trainLoss  mean loss over the epoch's training rows
 * @param validation metrics on the validation rows: {@code accuracy} for classifiers,
 *                   {@code mse} for regression; for recommenders {@code recall_at_10},
 *                   {@code ndcg_at_10} and {@code coverage_at_10}, empty without validation interactions
 */
public record EpochReport(int epoch, int epochs, double trainLoss, Map<String, Double> validation) {

    public EpochReport {
        validation = Map.copyOf(validation);
    }
}
