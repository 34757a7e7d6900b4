package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.profile.PsiCalculator;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.monitoring.model.DriftResult;
import dev.aiaas.monitoring.model.FeatureSample;
import dev.aiaas.monitoring.storage.BaselineProfiles;
import dev.aiaas.monitoring.storage.SampleStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Feature drift: the population stability index of each numeric feature's recent values
 * against the decile bins of the training baseline, and their mean as the overall score.
 * Each report also updates the {@code aiaas_monitoring_feature_psi} gauges. An endpoint is named
 * within its project: its samples, its report and its gauges are that project's only.
 */
@ApplicationScoped
public class DriftAnalyzer {

    private final PsiCalculator psi = new PsiCalculator();
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    @Inject
    SampleStore samples;

    @Inject
    BaselineProfiles baselines;

    @Inject
    MonitoringConfig config;

    @Inject
    MeterRegistry meters;

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
        List<DriftResult.FeatureDrift> features = new ArrayList<>();
        long rows = recent.stream().mapToLong(FeatureSample::rows).sum();
        for (int f = 0; f < newest.featureNames().size(); f++) {
            String name = newest.featureNames().get(f);
            var profile = baseline.numeric(name);
            if (profile.isPresent()) {
                double value = psi.numeric(profile.get(), column(recent, f));
                features.add(new DriftResult.FeatureDrift(name, value, value > config.driftThreshold()));
                gauge(project, endpoint, name).set(value);
            }
        }
        double overall = features.stream().mapToDouble(DriftResult.FeatureDrift::psi).average().orElse(0);
        return new DriftResult(endpoint, newest.modelName(), newest.modelVersion(), rows, features, overall,
                config.driftThreshold());
    }

    private static double[] column(List<FeatureSample> recent, int feature) {
        int total = recent.stream().mapToInt(FeatureSample::rows).sum();
        double[] values = new double[total];
        int at = 0;
        for (FeatureSample sample : recent) {
            int width = sample.featureNames().size();
            for (int row = 0; row < sample.rows(); row++) {
                values[at++] = sample.features()[row * width + feature];
            }
        }
        return values;
    }

    private AtomicReference<Double> gauge(String project, String endpoint, String feature) {
        return gauges.computeIfAbsent(project + "\u0000" + endpoint + "\u0000" + feature, key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            meters.gauge("aiaas_monitoring_feature_psi",
                    List.of(io.micrometer.core.instrument.Tag.of("project", project),
                            io.micrometer.core.instrument.Tag.of("endpoint", endpoint),
                            io.micrometer.core.instrument.Tag.of("feature", feature)),
                    value, AtomicReference::get);
            return value;
        });
    }
}
