package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.GetRetrainingPolicyRequest;
import dev.aiaas.proto.monitoring.v1.RetrainingPolicy;
import dev.aiaas.proto.monitoring.v1.SetRetrainingPolicyRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code aiaas retraining policy ENDPOINT}: when and how the endpoint's model is retrained, tried
 * and promoted; shown with its last run, or changed by the flags.
 */
@Command(name = "policy", description = {"Show or change when and how an endpoint's model is retrained, tried and "
        + "promoted.",
    "Without flags it prints the policy and its last run. A flag changes only what it names and keeps the rest; with "
        + "no policy yet the flags start from an empty one (the service's defaults, disabled: add --enable).",
    "A run starts when an --on-alert rule starts firing or --new-records rows arrived that the champion was not "
        + "trained on: monitoring trains the champion's job again into alias challenger, copies --shadow-share of "
        + "requests to it until --shadow-samples have ground truth, gives it --canary-weight of requests until "
        + "--canary-samples have, and promotes it or rolls it back by the margins. aiaas retraining decisions "
        + "lists each step.",
    "  aiaas retraining policy penguins --on-alert worse --new-records 5000 --enable"})
public final class RetrainingPolicyCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint (it may not be deployed yet)")
    String endpoint;

    @Mixin
    RetrainingFlags flags;

    @Override
    protected int run(Session session) {
        if (!flags.any()) {
            RetrainingPolicy policy = session.services().monitoring().getRetrainingPolicy(
                    GetRetrainingPolicyRequest.newBuilder().setEndpoint(endpoint).build());
            session.printer().print(policy, () -> RetrainingView.policy(policy));
            return ExitCodes.OK;
        }
        RetrainingPolicy wanted = changed(current(session));
        RetrainingPolicy set = session.services().monitoring().setRetrainingPolicy(
                SetRetrainingPolicyRequest.newBuilder().setPolicy(wanted).build());
        session.printer().print(set, () -> RetrainingView.policy(set));
        return ExitCodes.OK;
    }

    /** The policy as set, or an empty one when none is: the flags then say all that is set. */
    private RetrainingPolicy current(Session session) {
        try {
            return session.services().monitoring().getRetrainingPolicy(GetRetrainingPolicyRequest.newBuilder()
                    .setEndpoint(endpoint).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return RetrainingPolicy.getDefaultInstance();
            }
            throw e;
        }
    }

    /**
     * The current policy with the flags' changes: SetRetrainingPolicy replaces the whole policy.
     * The run and the time it was set are the service's to say, so they are not sent back.
     *
     * @throws CommandFailure (usage) for a flag's value out of its range, naming the flag
     */
    RetrainingPolicy changed(RetrainingPolicy current) {
        RetrainingPolicy.Builder policy = current.toBuilder().setEndpoint(endpoint).clearLastRun().clearUpdatedAt();
        triggers(policy);
        stages(policy);
        margins(policy);
        hyperparameters(policy);
        if (flags.enable && flags.disable) {
            throw CommandFailure.usage("--enable and --disable: give one");
        }
        if (flags.enable || flags.disable) {
            policy.setEnabled(flags.enable);
        }
        if (policy.getEnabled() && policy.getTriggerAlertsCount() == 0 && policy.getTriggerNewRecords() == 0) {
            throw CommandFailure.usage("an enabled policy needs a trigger: --on-alert RULE (an alert rule of the "
                    + "endpoint, see aiaas alerts rules " + endpoint + ") or --new-records N");
        }
        return policy.build();
    }

    private void triggers(RetrainingPolicy.Builder policy) {
        if (flags.onAlert != null) {
            if (flags.onAlert.stream().anyMatch(String::isBlank)
                    || new HashSet<>(flags.onAlert).size() != flags.onAlert.size()) {
                throw CommandFailure.usage("--on-alert names distinct alert rules, not " + flags.onAlert);
            }
            policy.clearTriggerAlerts().addAllTriggerAlerts(flags.onAlert);
        }
        if (flags.newRecords != null) {
            policy.setTriggerNewRecords(atLeast(flags.newRecords, 0, "--new-records", "rows (0: off)"));
        }
    }

    private void stages(RetrainingPolicy.Builder policy) {
        if (flags.shadowShare != null) {
            policy.setShadowShare(percent(flags.shadowShare, "--shadow-share"));
        }
        if (flags.shadowSamples != null && flags.noShadow) {
            throw CommandFailure.usage("--shadow-samples and --no-shadow: give one (--no-shadow skips the stage)");
        }
        if (flags.shadowSamples != null) {
            policy.setShadowMinSamples((int) atLeast(flags.shadowSamples, 0, "--shadow-samples",
                    "paired requests with ground truth (0: the default, 50; --no-shadow skips the stage)"));
        }
        if (flags.noShadow) {
            policy.setShadowMinSamples(-1);
        }
        if (flags.canaryWeight != null) {
            policy.setCanaryWeight(percent(flags.canaryWeight, "--canary-weight"));
        }
        if (flags.canarySamples != null) {
            policy.setCanaryMinSamples((int) atLeast(flags.canarySamples, 0, "--canary-samples",
                    "challenger requests with ground truth (0: the default, 100)"));
        }
        if (flags.stageTimeout != null) {
            policy.setStageTimeoutSeconds(seconds(flags.stageTimeout));
        }
    }

    private void margins(RetrainingPolicy.Builder policy) {
        if (flags.promoteMargin != null) {
            policy.setPromoteMargin(nonNegative(flags.promoteMargin, "--promote-margin",
                    "the default 0: promoted when no worse"));
        }
        if (flags.rollbackMargin != null) {
            policy.setRollbackMargin(nonNegative(flags.rollbackMargin, "--rollback-margin", "0: the default, 0.02"));
        }
        if (flags.maxErrorIncrease != null) {
            policy.setMaxErrorRateIncrease(nonNegative(flags.maxErrorIncrease, "--max-error-increase",
                    "0: the default, 0.01"));
        }
        if (flags.maxLatencyRatio != null) {
            double ratio = flags.maxLatencyRatio;
            if (!(ratio == 0 || (ratio >= 1 && Double.isFinite(ratio)))) {
                throw CommandFailure.usage("--max-latency-ratio is a multiple of the champion's p99 latency, 1 or "
                        + "more (0: the default, 2), not " + ratio);
            }
            policy.setMaxLatencyRatio(ratio);
        }
    }

    /** Overrides of the champion's hyperparameters; 0 gives an override back to the champion's. */
    private void hyperparameters(RetrainingPolicy.Builder policy) {
        if (Stream.of(flags.epochs, flags.learningRate, flags.batchSize, flags.hidden, flags.seed)
                .allMatch(flag -> flag == null)) {
            return;
        }
        Hyperparameters.Builder h = policy.getHyperparametersBuilder();
        if (flags.epochs != null) {
            h.setEpochs((int) atLeast(flags.epochs, 0, "--epochs", "epochs (0: the champion's)"));
        }
        if (flags.learningRate != null) {
            h.setLearningRate(nonNegative(flags.learningRate, "--learning-rate", "0: the champion's"));
        }
        if (flags.batchSize != null) {
            h.setBatchSize((int) atLeast(flags.batchSize, 0, "--batch-size", "rows per step (0: the champion's)"));
        }
        if (flags.hidden != null) {
            h.clearHiddenUnits().addAllHiddenUnits(hidden(flags.hidden));
        }
        if (flags.seed != null) {
            h.setSeed(flags.seed);
        }
    }

    private static List<Integer> hidden(List<Integer> units) {
        if (units.equals(List.of(0))) {
            return List.of();
        }
        if (units.stream().anyMatch(n -> n < 1)) {
            throw CommandFailure.usage("--hidden gives each hidden layer's width, 1 or more, e.g. 32,16 (0 alone: the "
                    + "champion's), not " + units);
        }
        return units;
    }

    private static int percent(int value, String flag) {
        if (value < 1 || value > 100) {
            throw CommandFailure.usage(flag + " is a percent of requests, 1 to 100, not " + value);
        }
        return value;
    }

    private static long atLeast(long value, long least, String flag, String what) {
        if (value < least) {
            throw CommandFailure.usage(flag + " is a number of " + what + ", " + least + " or more, not " + value);
        }
        return value;
    }

    private static double nonNegative(double value, String flag, String zero) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw CommandFailure.usage(flag + " is 0 or more (" + zero + "), not " + value);
        }
        return value;
    }

    private static int seconds(Duration timeout) {
        if (timeout.toSeconds() > Integer.MAX_VALUE || timeout.toSeconds() < 1) {
            throw CommandFailure.usage("--stage-timeout is a length of time from 1 second to "
                    + Integer.MAX_VALUE + " seconds, not " + timeout);
        }
        return (int) timeout.toSeconds();
    }
}
