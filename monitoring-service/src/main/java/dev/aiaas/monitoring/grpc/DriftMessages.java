package dev.aiaas.monitoring.grpc;

import dev.aiaas.ml.drift.DriftPolicy;
import dev.aiaas.monitoring.model.DriftResult;
import dev.aiaas.proto.monitoring.v1.DriftMethod;
import dev.aiaas.proto.monitoring.v1.DriftReport;
import dev.aiaas.proto.monitoring.v1.FeatureDrift;
import dev.aiaas.proto.monitoring.v1.FeatureKind;

/**
 * Drift reports and policies between the wire and the domain. On the wire an unset method is
 * UNSPECIFIED and an unset number 0; in the domain they are null and NaN.
 */
final class DriftMessages {

    private DriftMessages() {
    }

    static DriftReport report(DriftResult drift) {
        DriftReport.Builder report = DriftReport.newBuilder()
                .setEndpoint(drift.endpoint())
                .setModelName(drift.modelName())
                .setModelVersion(drift.modelVersion())
                .setSampleCount(drift.sampleRows())
                .addAllFeatures(drift.features().stream().map(DriftMessages::feature).toList())
                .setOverallPsi(drift.overallPsi())
                .setDrifted(drift.drifted())
                .setThreshold(drift.psiThreshold())
                .setDriftShare(drift.driftShare())
                .setDriftShareThreshold(drift.policy().effectiveShare())
                .setPolicy(policy(drift.endpoint(), drift.policy()));
        if (drift.prediction() != null) {
            report.setPrediction(feature(drift.prediction()));
        }
        return report.build();
    }

    static dev.aiaas.proto.monitoring.v1.DriftPolicy policy(String endpoint, DriftPolicy policy) {
        return dev.aiaas.proto.monitoring.v1.DriftPolicy.newBuilder()
                .setEndpoint(endpoint)
                .setNumericMethod(method(policy.numericMethod()))
                .setNumericThreshold(number(policy.numericThreshold()))
                .setCategoricalMethod(method(policy.categoricalMethod()))
                .setCategoricalThreshold(number(policy.categoricalThreshold()))
                .setDriftShare(number(policy.share()))
                .build();
    }

    /**
     * The domain's policy of a wire one.
     *
     * @throws IllegalArgumentException for a policy that cannot be read
     */
    static DriftPolicy policy(dev.aiaas.proto.monitoring.v1.DriftPolicy policy) {
        return new DriftPolicy(method(policy.getNumericMethod()), unsetIfZero(policy.getNumericThreshold()),
                method(policy.getCategoricalMethod()), unsetIfZero(policy.getCategoricalThreshold()),
                unsetIfZero(policy.getDriftShare()));
    }

    private static FeatureDrift feature(DriftResult.FeatureDrift drift) {
        return FeatureDrift.newBuilder()
                .setFeature(drift.feature())
                .setKind(drift.kind() == DriftResult.Kind.NUMERIC ? FeatureKind.NUMERIC : FeatureKind.CATEGORICAL)
                .setMethod(method(drift.test().method()))
                .setStatistic(drift.test().statistic())
                .setPValue(drift.test().pValue())
                .setThreshold(drift.test().threshold())
                .setDrifted(drift.drifted())
                .setPsi(drift.psi())
                .setSampleCount(drift.sampleCount())
                .setReferenceCount(drift.referenceCount())
                .build();
    }

    private static DriftMethod method(dev.aiaas.ml.drift.DriftMethod method) {
        return method == null ? DriftMethod.DRIFT_METHOD_UNSPECIFIED : DriftMethod.valueOf(method.name());
    }

    private static dev.aiaas.ml.drift.DriftMethod method(DriftMethod method) {
        if (method == DriftMethod.DRIFT_METHOD_UNSPECIFIED) {
            return null;
        }
        if (method == DriftMethod.UNRECOGNIZED) {
            throw new IllegalArgumentException("unknown drift method number");
        }
        return dev.aiaas.ml.drift.DriftMethod.valueOf(method.name());
    }

    private static double number(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static double unsetIfZero(double value) {
        return value == 0 ? Double.NaN : value;
    }
}
