package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.drift.DriftPolicy;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.DriftResult;
import dev.aiaas.monitoring.model.FeatureSample;
import dev.aiaas.monitoring.storage.BaselineProfiles;
import dev.aiaas.monitoring.storage.SampleStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Drift of an endpoint: each numeric and categorical feature of its newest sampled inputs
 * against the training baseline of the model version that served them, by the method the
 * endpoint's {@link DriftPolicies policy} chooses for the sample's size (PSI besides); the share
 * of features that drifted; and the drift of the version's answers ({@link PredictionDrift}).
 * Each report also sets the endpoint's {@link DriftGauges}. An endpoint is named within its
 * project: its samples, policy, report and gauges are that project's only.
 */
@ApplicationScoped
public class DriftAnalyzer {

    @Inject
    SampleStore samples;

    @Inject
    BaselineProfiles baselines;

    @Inject
    DriftPolicies policies;

    @Inject
    PredictionDrift predictions;

    @Inject
    DriftGauges gauges;

    @Inject
    MonitoringConfig config;

    /** Drift of the endpoint of {@code project}; NOT_FOUND when that project's endpoint has no samples. */
    public DriftResult report(String project, String endpoint) {
        List<FeatureSample> recent = run(() -> samples.newest(project, endpoint, config.driftSampleRows()));
        if (recent.isEmpty()) {
            throw DomainException.notFound("monitoring has no sampled inputs for endpoint '" + endpoint
                    + "': drift needs predictions logged with their features");
        }
        FeatureSample newest = recent.get(0);
        if (newest.profileKey().isEmpty()) {
            throw DomainException.failedPrecondition("model " + newest.modelName() + " v" + newest.modelVersion()
                    + " has no baseline profile: train it from a prepared dataset to get one");
        }
        FeatureProfile baseline = baselines.load(newest.profileKey(), newest.profileSha256());
        DriftPolicy policy = policies.of(project, endpoint);
        long rows = recent.stream().mapToLong(FeatureSample::rows).sum();
        DriftResult report = new DriftResult(endpoint, newest.modelName(), newest.modelVersion(), rows,
                FeatureDrifts.of(baseline, recent, policy, rows),
                predictions.of(project, recent, policy, config.driftSampleRows()).orElse(null), policy);
        gauges.update(project, report);
        return report;
    }
}
