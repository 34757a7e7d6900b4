package dev.aiaas.monitoring.model;

import java.util.List;

/** Drift of an endpoint's recent inputs against the training baseline of its model version. */
public record DriftResult(
        String endpoint,
        String modelName,
        long modelVersion,
        long sampleRows,
        List<FeatureDrift> features,
        double overallPsi,
        double threshold) {

    /** PSI of one feature; drifted when above the threshold. */
    public record FeatureDrift(String feature, double psi, boolean drifted) {
    }

    public boolean drifted() {
        return overallPsi > threshold || features.stream().anyMatch(FeatureDrift::drifted);
    }
}
