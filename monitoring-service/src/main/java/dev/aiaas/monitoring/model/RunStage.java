package dev.aiaas.monitoring.model;

/**
 * Where a retraining run is: under way (training, shadow, canary) or ended (promoted, rolled
 * back, failed, or skipped: triggered with nothing to retrain on).
 */
public enum RunStage {
    TRAINING, SHADOW, CANARY, PROMOTED, ROLLED_BACK, FAILED, SKIPPED;

    public boolean ended() {
        return this != TRAINING && this != SHADOW && this != CANARY;
    }
}
