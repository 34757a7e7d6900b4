package dev.aiaas.monitoring.model;

import java.util.List;

/**
 * Raw input rows of one logged request, with the baseline profile of the model version
 * that served them.
 *
 * @param features row-major, {@code featureNames.size()} values per row
 */
public record FeatureSample(
        String endpoint,
        String modelName,
        long modelVersion,
        List<String> featureNames,
        double[] features,
        String profileKey,
        String profileSha256) {

    public int rows() {
        return featureNames.isEmpty() ? 0 : features.length / featureNames.size();
    }
}
