package dev.aiaas.cli.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The flags of {@code aiaas retraining policy}, each a field of the RetrainingPolicy message;
 * null (or false) when not given, so that only what is named changes.
 */
final class RetrainingFlags {

    @Option(names = "--on-alert", paramLabel = "RULE", description = "an alert rule of the endpoint whose firing "
            + "starts a run (repeat it for more; replaces the rules named before)")
    List<String> onAlert;

    @Option(names = "--new-records", paramLabel = "N", description = "start a run once this many rows arrived that "
            + "the champion was not trained on (0: off)")
    Long newRecords;

    @Option(names = "--shadow-share", paramLabel = "P", description = "percent of requests copied to the "
            + "challenger while it is a shadow, 1 to 100 (default 100)")
    Integer shadowShare;

    @Option(names = "--shadow-samples", paramLabel = "N", description = "paired requests with ground truth that "
            + "judge the shadow (0: the default, 50)")
    Integer shadowSamples;

    @Option(names = "--no-shadow", description = "skip the shadow stage: the challenger goes straight to its canary")
    boolean noShadow;

    @Option(names = "--canary-weight", paramLabel = "P", description = "percent of requests the challenger answers "
            + "as a canary, 1 to 100 (default 10)")
    Integer canaryWeight;

    @Option(names = "--canary-samples", paramLabel = "N", description = "challenger requests with ground truth that "
            + "judge the canary (0: the default, 100)")
    Integer canarySamples;

    @Option(names = "--promote-margin", paramLabel = "X", description = "promote when the challenger's accuracy "
            + "beats the champion's by at least this (a model of values: its MSE is lower by this share of the "
            + "champion's); default 0")
    Double promoteMargin;

    @Option(names = "--rollback-margin", paramLabel = "X", description = "roll back when the challenger is worse by "
            + "more than this, accuracy points or a share of the champion's MSE (0: the default, 0.02)")
    Double rollbackMargin;

    @Option(names = "--max-error-increase", paramLabel = "X", description = "roll back a canary whose error rate "
            + "exceeds the champion's by more than this (0: the default, 0.01)")
    Double maxErrorIncrease;

    @Option(names = "--max-latency-ratio", paramLabel = "X", description = "roll back a canary whose p99 latency "
            + "exceeds this multiple of the champion's, 1 or more (0: the default, 2)")
    Double maxLatencyRatio;

    @Option(names = "--stage-timeout", paramLabel = "DURATION", converter = DurationFlag.class,
            description = "a stage that has not reached its samples by then rolls back: seconds, or 12h, 1d, PT12H "
                    + "(default 1d)")
    Duration stageTimeout;

    @Option(names = "--epochs", paramLabel = "N", description = "the retraining job's epochs (0: the champion's)")
    Integer epochs;

    @Option(names = "--learning-rate", paramLabel = "X", description = "its learning rate (0: the champion's)")
    Double learningRate;

    @Option(names = "--batch-size", paramLabel = "N", description = "its rows per step (0: the champion's)")
    Integer batchSize;

    @Option(names = "--hidden", paramLabel = "N", split = ",", description = "its hidden layers' widths, e.g. 32,16 "
            + "(0: the champion's)")
    List<Integer> hidden;

    @Option(names = "--seed", paramLabel = "N", description = "its random seed (0: the champion's)")
    Long seed;

    @Option(names = "--enable", description = "let triggers start runs")
    boolean enable;

    @Option(names = "--disable",
            description = "turn the loop off for this endpoint: it starts no run and moves none on")
    boolean disable;

    /** Whether any flag was given: without one the command only prints the policy. */
    boolean any() {
        return noShadow || enable || disable || Stream.of(onAlert, newRecords, shadowShare, shadowSamples,
                canaryWeight, canarySamples, promoteMargin, rollbackMargin, maxErrorIncrease, maxLatencyRatio,
                stageTimeout, epochs, learningRate, batchSize, hidden, seed).anyMatch(flag -> flag != null);
    }
}
