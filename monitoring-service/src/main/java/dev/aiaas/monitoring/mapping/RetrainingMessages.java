package dev.aiaas.monitoring.mapping;

import com.google.protobuf.Timestamp;
import dev.aiaas.monitoring.model.Decision;
import dev.aiaas.monitoring.model.RetrainingPolicy;
import dev.aiaas.monitoring.model.RetrainingRun;
import dev.aiaas.monitoring.model.TrainingOverrides;
import dev.aiaas.monitoring.service.RetrainingPolicies;
import dev.aiaas.proto.monitoring.v1.DecisionAction;
import dev.aiaas.proto.monitoring.v1.RetrainingRun.Builder;
import dev.aiaas.proto.monitoring.v1.RunStage;
import dev.aiaas.proto.training.v1.Hyperparameters;
import java.time.Duration;
import java.time.Instant;

/** Retraining policies, runs and decisions between the monitoring API and the loop's own types. */
public final class RetrainingMessages {

    private RetrainingMessages() {
    }

    /** The policy a request sets, every unset (0) field taking its default. */
    public static RetrainingPolicy toDomain(dev.aiaas.proto.monitoring.v1.RetrainingPolicy policy) {
        Hyperparameters h = policy.getHyperparameters();
        return new RetrainingPolicy(policy.getEndpoint(), policy.getEnabled(), policy.getTriggerAlertsList(),
                policy.getTriggerNewRecords(),
                or(policy.getShadowShare(), RetrainingPolicy.DEFAULT_SHADOW_SHARE),
                or(policy.getShadowMinSamples(), RetrainingPolicy.DEFAULT_SHADOW_MIN_SAMPLES),
                or(policy.getCanaryWeight(), RetrainingPolicy.DEFAULT_CANARY_WEIGHT),
                or(policy.getCanaryMinSamples(), RetrainingPolicy.DEFAULT_CANARY_MIN_SAMPLES),
                policy.getPromoteMargin(),
                policy.getRollbackMargin() == 0 ? RetrainingPolicy.DEFAULT_ROLLBACK_MARGIN : policy.getRollbackMargin(),
                policy.getMaxErrorRateIncrease() == 0 ? RetrainingPolicy.DEFAULT_MAX_ERROR_RATE_INCREASE
                        : policy.getMaxErrorRateIncrease(),
                policy.getMaxLatencyRatio() == 0 ? RetrainingPolicy.DEFAULT_MAX_LATENCY_RATIO
                        : policy.getMaxLatencyRatio(),
                policy.getStageTimeoutSeconds() == 0 ? RetrainingPolicy.DEFAULT_STAGE_TIMEOUT
                        : Duration.ofSeconds(policy.getStageTimeoutSeconds()),
                new TrainingOverrides(h.getEpochs(), h.getBatchSize(), h.getLearningRate(), h.getHiddenUnitsList(),
                        h.getSeed(), h.getWeightDecay()),
                null);
    }

    public static dev.aiaas.proto.monitoring.v1.RetrainingPolicy policy(RetrainingPolicies.PolicyState state) {
        RetrainingPolicy policy = state.policy();
        TrainingOverrides o = policy.overrides();
        dev.aiaas.proto.monitoring.v1.RetrainingPolicy.Builder message =
                dev.aiaas.proto.monitoring.v1.RetrainingPolicy.newBuilder()
                        .setEndpoint(policy.endpoint())
                        .setEnabled(policy.enabled())
                        .addAllTriggerAlerts(policy.triggerAlerts())
                        .setTriggerNewRecords(policy.triggerNewRecords())
                        .setShadowShare(policy.shadowShare())
                        .setShadowMinSamples(policy.shadowMinSamples())
                        .setCanaryWeight(policy.canaryWeight())
                        .setCanaryMinSamples(policy.canaryMinSamples())
                        .setPromoteMargin(policy.promoteMargin())
                        .setRollbackMargin(policy.rollbackMargin())
                        .setMaxErrorRateIncrease(policy.maxErrorRateIncrease())
                        .setMaxLatencyRatio(policy.maxLatencyRatio())
                        .setStageTimeoutSeconds((int) policy.stageTimeout().toSeconds())
                        .setHyperparameters(Hyperparameters.newBuilder().setEpochs(o.epochs())
                                .setBatchSize(o.batchSize()).setLearningRate(o.learningRate())
                                .addAllHiddenUnits(o.hiddenUnits()).setSeed(o.seed()).setWeightDecay(o.weightDecay()));
        if (policy.updatedAt() != null) {
            message.setUpdatedAt(timestamp(policy.updatedAt()));
        }
        state.lastRun().ifPresent(run -> message.setLastRun(run(run)));
        return message.build();
    }

    static dev.aiaas.proto.monitoring.v1.RetrainingRun run(RetrainingRun run) {
        Builder message = dev.aiaas.proto.monitoring.v1.RetrainingRun.newBuilder()
                .setId(run.id())
                .setStage(RunStage.valueOf(run.stage().name()))
                .setModelName(run.modelName())
                .setChampionVersion(run.championVersion())
                .setChallengerVersion(run.challengerVersion())
                .setDataset(run.dataset())
                .setDatasetVersion(run.datasetVersion())
                .setJobId(run.jobId())
                .setStartedAt(timestamp(run.startedAt()))
                .setStageStartedAt(timestamp(run.stageStartedAt()));
        if (run.finishedAt() != null) {
            message.setFinishedAt(timestamp(run.finishedAt()));
        }
        return message.build();
    }

    public static dev.aiaas.proto.monitoring.v1.Decision decision(Decision decision) {
        return dev.aiaas.proto.monitoring.v1.Decision.newBuilder()
                .setId(decision.id())
                .setEndpoint(decision.endpoint())
                .setRunId(decision.runId())
                .setAction(DecisionAction.valueOf(decision.action().name()))
                .setReason(decision.reason())
                .putAllFigures(decision.figures())
                .setModelName(decision.modelName())
                .setChampionVersion(decision.championVersion())
                .setChallengerVersion(decision.challengerVersion())
                .setDecidedAt(timestamp(decision.decidedAt()))
                .build();
    }

    private static int or(int value, int otherwise) {
        return value == 0 ? otherwise : value;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
