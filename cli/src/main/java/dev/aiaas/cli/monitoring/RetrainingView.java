package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.Fields;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.monitoring.v1.Decision;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.RetrainingRun;
import dev.aiaas.proto.monitoring.v1.RunStage;
import dev.aiaas.proto.training.v1.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link RetrainingPolicy} with its last run, and the loop's {@link Decision}s, as text. A field
 * left at 0 reads as the default the service applies, marked so.
 */
final class RetrainingView {

    private RetrainingView() {
    }

    static String policy(RetrainingPolicy p) {
        Fields head = new Fields()
                .add("endpoint", p.getEndpoint())
                .add("enabled", p.getEnabled() ? "yes" : "no (--enable turns it on)")
                .add("triggers", triggers(p))
                .add("shadow", p.getShadowMinSamples() < 0 ? "skipped: the challenger goes straight to its canary"
                        : percent(p.getShadowShare(), 100) + " of requests copied to the challenger, until "
                        + count(p.getShadowMinSamples(), 50) + " paired requests have ground truth")
                .add("canary", percent(p.getCanaryWeight(), 10) + " of requests answered by the challenger, until "
                        + count(p.getCanaryMinSamples(), 100) + " of them have ground truth")
                .add("promote", "when the challenger beats the champion by " + figure(p.getPromoteMargin(), 0)
                        + " or more (accuracy points; for values, a share of the champion's MSE)")
                .add("roll back", "when it is worse by more than " + figure(p.getRollbackMargin(), 0.02)
                        + "; a canary also when its error rate is more than "
                        + figure(p.getMaxErrorRateIncrease(), 0.01) + " above the champion's or its p99 latency over " + figure(p.getMaxLatencyRatio(), 2)
                        + " times")
                .add("stage timeout", p.getStageTimeoutSeconds() == 0 ? "1d (default)"
                        : duration(p.getStageTimeoutSeconds()))
                .add("retrain with", hyperparameters(p.getHyperparameters()))
                .add("updated", Cells.time(p.getUpdatedAt()));
        return p.hasLastRun() ? head + "\n" + run(p.getLastRun()) : head.add("last run", "none yet").toString();
    }

    static String decisions(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return "no decisions: the loop decides once a trigger of an enabled retraining policy fires (aiaas "
                    + "retraining policy ENDPOINT)";
        }
        TextTable table = TextTable.of("TIME", "ENDPOINT", "ACTION", "MODEL", "CHAMPION→CHALLENGER", "REASON",
                "FIGURES");
        for (Decision d : decisions) {
            table.row(Cells.time(d.getDecidedAt()), d.getEndpoint(), action(d), Cells.text(d.getModelName()),
                    versions(d.getChampionVersion(), d.getChallengerVersion()), Cells.text(d.getReason()),
                    Cells.significantFigures(d.getFiguresMap()));
        }
        return table.toString();
    }

    private static String run(RetrainingRun r) {
        return "last run " + r.getId() + ":\n" + new Fields()
                .add("stage", name(r.getStage()) + " since " + Cells.time(r.getStageStartedAt()))
                .add("champion→challenger", Cells.text(r.getModelName()) + " "
                        + versions(r.getChampionVersion(), r.getChallengerVersion()))
                .add("dataset", r.getDataset().isEmpty() ? "-" : r.getDataset() + " v" + r.getDatasetVersion())
                .add("job", Cells.text(r.getJobId()))
                .add("started", Cells.time(r.getStartedAt()))
                .add("finished", r.hasFinishedAt() ? Cells.time(r.getFinishedAt()) : "- (under way)");
    }

    private static String triggers(RetrainingPolicy p) {
        List<String> triggers = new ArrayList<>();
        if (p.getTriggerAlertsCount() > 0) {
            triggers.add("alert " + String.join(", ", p.getTriggerAlertsList()) + " starts firing");
        }
        if (p.getTriggerNewRecords() > 0) {
            triggers.add(p.getTriggerNewRecords() + " new rows the champion was not trained on");
        }
        return triggers.isEmpty() ? "none (--on-alert RULE or --new-records N)" : String.join("; or ", triggers);
    }

    private static String hyperparameters(Hyperparameters h) {
        List<String> set = new ArrayList<>();
        if (h.getEpochs() > 0) {
            set.add(h.getEpochs() + " epochs");
        }
        if (h.getLearningRate() > 0) {
            set.add("learning rate " + Cells.significant(h.getLearningRate()));
        }
        if (h.getBatchSize() > 0) {
            set.add("batch size " + h.getBatchSize());
        }
        if (h.getHiddenUnitsCount() > 0) {
            set.add("hidden " + h.getHiddenUnitsList());
        }
        if (h.getSeed() != 0) {
            set.add("seed " + h.getSeed());
        }
        if (h.getWeightDecay() > 0) {
            set.add("weight decay " + Cells.significant(h.getWeightDecay()));
        }
        return set.isEmpty() ? "the champion's hyperparameters" : "the champion's hyperparameters, but "
                + String.join(", ", set);
    }

    /** {@code v3 → v4}; a challenger not registered yet is {@code -}. */
    static String versions(long champion, long challenger) {
        return (champion == 0 ? "-" : "v" + champion) + " → " + (challenger == 0 ? "-" : "v" + challenger);
    }

    private static String action(Decision d) {
        DecisionAction action = d.getAction();
        return action == DecisionAction.DECISION_ACTION_UNSPECIFIED || action == DecisionAction.UNRECOGNIZED ? "-"
                : action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String name(RunStage stage) {
        return stage == RunStage.RUN_STAGE_UNSPECIFIED || stage == RunStage.UNRECOGNIZED ? "-"
                : stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String percent(int value, int otherwise) {
        return value == 0 ? otherwise + "% (default)" : value + "%";
    }

    private static String count(int value, int otherwise) {
        return value == 0 ? otherwise + " (default)" : String.valueOf(value);
    }

    private static String figure(double value, double otherwise) {
        return value == 0 ? Cells.significant(otherwise) + " (default)" : Cells.significant(value);
    }

    /** Seconds as the largest whole unit: {@code 1d}, {@code 12h}, {@code 90m}, {@code 45s}. */
    private static String duration(int seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
