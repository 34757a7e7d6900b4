package dev.aiaas.cli.monitoring;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import dev.aiaas.proto.monitoring.v1.DriftPolicy;
import dev.aiaas.proto.monitoring.v1.GetDriftPolicyRequest;
import dev.aiaas.proto.monitoring.v1.SetDriftPolicyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas drift policy ENDPOINT}: how the endpoint's drift is judged; shown, or changed by the flags. */
@Command(name = "policy", description = {"Show or change how an endpoint's drift is judged.",
    "Without flags it prints the policy. A flag changes only what it names and keeps the rest of the policy; a "
        + "method given without its threshold takes the method's default (a p-value for ks and chi-square, drifted "
        + "below it; else the least distance that counts as drifted). auto, the default, tests a sample of up to "
        + "1,000 rows (ks, chi-square; p < 0.05) and measures a larger one by distance (wasserstein, "
        + "jensen-shannon; 0.1). The input drifts when the share of drifted features reaches --share (0.5).",
    "  aiaas drift policy penguins --numeric psi --numeric-threshold 0.25 --share 0.3"})
public final class DriftPolicyCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint (it may not have served yet)")
    String endpoint;

    @Option(names = "--numeric", paramLabel = "METHOD", converter = DriftMethodFlag.Numeric.class,
            completionCandidates = DriftMethodFlag.Numeric.class,
            description = "numeric features' method: ${COMPLETION-CANDIDATES}")
    DriftMethod numeric;

    @Option(names = "--categorical", paramLabel = "METHOD", converter = DriftMethodFlag.Categorical.class,
            completionCandidates = DriftMethodFlag.Categorical.class,
            description = "categorical features' method: ${COMPLETION-CANDIDATES}")
    DriftMethod categorical;

    @Option(names = "--numeric-threshold", paramLabel = "X",
            description = "the numeric method's threshold (0: its default)")
    Double numericThreshold;

    @Option(names = "--categorical-threshold", paramLabel = "Y",
            description = "the categorical method's threshold (0: its default)")
    Double categoricalThreshold;

    @Option(names = "--share", paramLabel = "Z", description = "the share of drifted features, in (0, 1], at which "
            + "the input drifts (0: 0.5)")
    Double share;

    @Override
    protected int run(Session session) {
        DriftPolicy current = session.services().monitoring().getDriftPolicy(GetDriftPolicyRequest.newBuilder()
                .setEndpoint(endpoint).build());
        if (numeric == null && categorical == null && numericThreshold == null && categoricalThreshold == null
                && share == null) {
            session.printer().print(current, () -> DriftView.policy(current));
            return ExitCodes.OK;
        }
        DriftPolicy changed = session.services().monitoring().setDriftPolicy(SetDriftPolicyRequest.newBuilder()
                .setPolicy(changed(current)).build());
        session.printer().print(changed, () -> DriftView.policy(changed));
        return ExitCodes.OK;
    }

    /** The current policy with the flags' changes: SetDriftPolicy replaces the whole policy. */
    DriftPolicy changed(DriftPolicy current) {
        DriftPolicy.Builder policy = current.toBuilder().setEndpoint(endpoint);
        if (numeric != null) {
            policy.setNumericMethod(numeric).setNumericThreshold(0);
        }
        if (categorical != null) {
            policy.setCategoricalMethod(categorical).setCategoricalThreshold(0);
        }
        if (numericThreshold != null) {
            requireMethod(policy.getNumericMethod(), "--numeric-threshold", "--numeric");
            policy.setNumericThreshold(numericThreshold);
        }
        if (categoricalThreshold != null) {
            requireMethod(policy.getCategoricalMethod(), "--categorical-threshold", "--categorical");
            policy.setCategoricalThreshold(categoricalThreshold);
        }
        if (share != null) {
            if (!(share >= 0 && share <= 1)) {
                throw CommandFailure.usage("--share is a share of features in (0, 1] (0: the default 0.5), not " + share);
            }
            policy.setDriftShare(share);
        }
        return policy.build();
    }

    private static void requireMethod(DriftMethod method, String threshold, String option) {
        if (method == DriftMethod.DRIFT_METHOD_UNSPECIFIED) {
            throw CommandFailure.usage(threshold + " needs a method (" + option + "): a threshold is a p-value or a "
                    + "distance by its method, and auto chooses the method by the sample's size");
        }
    }
}
