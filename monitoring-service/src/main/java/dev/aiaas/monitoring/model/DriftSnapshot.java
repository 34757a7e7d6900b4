package dev.aiaas.monitoring.model;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint's drift report as it stood at one time: what the dashboard draws drift over time
 * from.
 *
 * @param newestSampleId the newest sampled request the report could read
 * @param features       every feature tested, as the report lists them
 * @param prediction     drift of the model's answers; null while there were too few to compare
 */
public record DriftSnapshot(Instant takenAt, long newestSampleId, String modelName, long modelVersion,
        long sampleRows, double driftShare, boolean drifted, List<Feature> features, Feature prediction) {

    public DriftSnapshot {
        features = List.copyOf(features);
    }

    /**
     * One feature's drift at that time.
     *
     * @param kind      NUMERIC or CATEGORICAL
     * @param method    the method its policy chose (KS, WASSERSTEIN, CHI_SQUARE, ...)
     * @param statistic the test statistic, or the distance for a distance method
     * @param pValue    the test's p-value; NaN for a distance
     */
    public record Feature(String feature, String kind, String method, double statistic, double pValue,
            double threshold, double psi, boolean drifted) {

        static Feature of(DriftResult.FeatureDrift drift) {
            return new Feature(drift.feature(), drift.kind().name(), drift.test().method().name(),
                    drift.test().statistic(), drift.test().pValue(), drift.test().threshold(), drift.psi(),
                    drift.drifted());
        }
    }

    /** The snapshot of {@code report}, taken at {@code at}, which read samples up to {@code newestSampleId}. */
    public static DriftSnapshot of(DriftResult report, long newestSampleId, Instant at) {
        return new DriftSnapshot(at, newestSampleId, report.modelName(), report.modelVersion(), report.sampleRows(),
                report.driftShare(), report.drifted(), report.features().stream().map(Feature::of).toList(),
                report.prediction() == null ? null : Feature.of(report.prediction()));
    }
}
