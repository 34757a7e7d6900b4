package dev.aiaas.training.model;

/** The most a job may ask for, so that one submit cannot take a worker for days or its memory whole. */
public record JobLimits(int maxEpochs, int maxBatchSize, int maxHiddenLayers, int maxHiddenUnits) {
}
