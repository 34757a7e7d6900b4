package dev.aiaas.monitoring.model;

import dev.aiaas.ml.drift.DriftMethod;
import dev.aiaas.ml.drift.DriftPolicy;
import dev.aiaas.ml.drift.DriftStatistic;
import java.util.List;

/**
 * Drift of an endpoint's recent inputs against the training baseline of its model version, and
 * of its answers against the version's first answers.
 *
 * @param features   every feature tested: numeric ones first, then categorical ones
 * @param prediction drift of the model's answers; null while there are too few to compare
 * @param policy     the endpoint's policy, as set
 */
public record DriftResult(
        String endpoint,
        String modelName,
        long modelVersion,
        long sampleRows,
        List<FeatureDrift> features,
        FeatureDrift prediction,
        DriftPolicy policy) {

    /** What a feature holds. */
    public enum Kind { NUMERIC, CATEGORICAL }

    /**
     * One feature's drift by the method its policy chose, with its PSI besides.
     *
     * @param sampleCount    values present in the sample tested
     * @param referenceCount values present in what it was tested against
     */
    public record FeatureDrift(String feature, Kind kind, DriftStatistic test, double psi, long sampleCount,
                               long referenceCount) {

        public boolean drifted() {
            return test.drifted();
        }
    }

    /** Mean PSI over the features; 0 for none. */
    public double overallPsi() {
        return features.stream().mapToDouble(FeatureDrift::psi).average().orElse(0);
    }

    /** The share of the features that drifted; 0 for none. */
    public double driftShare() {
        return features.isEmpty() ? 0 : features.stream().filter(FeatureDrift::drifted).count() / (double) features.size();
    }

    /** Whether the input drifted: the drifted share reached the policy's. */
    public boolean drifted() {
        return policy.inputDrifted(features.stream().filter(FeatureDrift::drifted).count(), features.size());
    }

    /** The PSI threshold to read every feature's PSI against: the policy's when it decides by PSI. */
    public double psiThreshold() {
        return policy.numericMethod() == DriftMethod.PSI && !Double.isNaN(policy.numericThreshold())
                ? policy.numericThreshold() : DriftMethod.PSI.defaultThreshold();
    }
}
