package dev.aiaas.monitoring.service;

import dev.aiaas.ml.drift.DriftPolicy;
import dev.aiaas.ml.drift.DriftTests;
import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.monitoring.model.DriftResult.FeatureDrift;
import dev.aiaas.monitoring.model.DriftResult.Kind;
import dev.aiaas.monitoring.model.FeatureSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Each feature of a sample against its baseline by the method the policy chooses for the
 * sample's size, with PSI besides. A feature is tested only where both sides have values: one
 * the baseline lacks (an input training did not profile) or the sample never filled is left out.
 */
final class FeatureDrifts {

    private FeatureDrifts() {
    }

    /** Every numeric then every categorical feature of {@code samples} that can be tested. */
    static List<FeatureDrift> of(FeatureProfile baseline, List<FeatureSample> samples, DriftPolicy policy, long rows) {
        List<FeatureDrift> drifts = new ArrayList<>();
        for (String name : SampleColumns.names(samples, FeatureSample::featureNames)) {
            baseline.numeric(name).flatMap(profile -> numeric(name, profile, SampleColumns.numeric(samples, name),
                    policy.numeric(rows))).ifPresent(drifts::add);
        }
        for (String name : SampleColumns.names(samples, FeatureSample::categoricalNames)) {
            baseline.categorical(name).flatMap(profile -> categorical(name, profile,
                    SampleColumns.categorical(samples, name), policy.categorical(rows))).ifPresent(drifts::add);
        }
        return drifts;
    }

    /** Numeric {@code values} (NaN: missing) against {@code baseline}; empty when either side has none. */
    static Optional<FeatureDrift> numeric(String name, NumericFeatureProfile baseline, double[] values,
            DriftPolicy.Choice choice) {
        long present = Arrays.stream(values).filter(value -> !Double.isNaN(value)).count();
        if (baseline.count() == 0 || present == 0) {
            return Optional.empty();
        }
        return Optional.of(new FeatureDrift(name, Kind.NUMERIC,
                DriftTests.numeric(choice.method(), baseline, values, choice.threshold()),
                DriftTests.psi(baseline, values), present, baseline.count()));
    }

    /** Categorical {@code values} (null: missing) against {@code baseline}; empty when either side has none. */
    static Optional<FeatureDrift> categorical(String name, CategoricalFeatureProfile baseline, String[] values,
            DriftPolicy.Choice choice) {
        long present = Arrays.stream(values).filter(Objects::nonNull).count();
        if (baseline.count() == 0 || present == 0) {
            return Optional.empty();
        }
        return Optional.of(new FeatureDrift(name, Kind.CATEGORICAL,
                DriftTests.categorical(choice.method(), baseline, values, choice.threshold()),
                DriftTests.psi(baseline, values), present, baseline.count()));
    }
}
