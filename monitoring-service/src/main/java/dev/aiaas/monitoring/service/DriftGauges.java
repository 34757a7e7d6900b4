package dev.aiaas.monitoring.service;

import dev.aiaas.monitoring.model.DriftResult;
import dev.aiaas.monitoring.model.DriftResult.FeatureDrift;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last drift report of each endpoint as gauges: {@code aiaas_monitoring_feature_psi}
 * (project, endpoint, feature), {@code aiaas_monitoring_feature_drift} the deciding method's
 * statistic (…, method), {@code aiaas_monitoring_prediction_drift} (project, endpoint, method)
 * and {@code aiaas_monitoring_drift_share} (project, endpoint). The method tag takes one of five
 * values; features are the model's input columns.
 */
@ApplicationScoped
public class DriftGauges {

    private final Map<List<Tag>, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry meters;

    /** Sets the gauges of the endpoint of {@code project} to {@code report}'s figures. */
    public void update(String project, DriftResult report) {
        for (FeatureDrift feature : report.features()) {
            gauge("aiaas_monitoring_feature_psi", project, report.endpoint(), Tag.of("feature", feature.feature()))
                    .set(feature.psi());
            gauge("aiaas_monitoring_feature_drift", project, report.endpoint(), Tag.of("feature", feature.feature()),
                    Tag.of("method", feature.test().method().name())).set(feature.test().statistic());
        }
        if (report.prediction() != null) {
            gauge("aiaas_monitoring_prediction_drift", project, report.endpoint(),
                    Tag.of("method", report.prediction().test().method().name()))
                    .set(report.prediction().test().statistic());
        }
        gauge("aiaas_monitoring_drift_share", project, report.endpoint()).set(report.driftShare());
    }

    private AtomicReference<Double> gauge(String name, String project, String endpoint, Tag... more) {
        List<Tag> tags = new ArrayList<>(List.of(Tag.of("name", name), Tag.of("project", project),
                Tag.of("endpoint", endpoint)));
        tags.addAll(List.of(more));
        return gauges.computeIfAbsent(List.copyOf(tags), key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            meters.gauge(name, key.subList(1, key.size()), value, AtomicReference::get);
            return value;
        });
    }
}
