package dev.aiaas.monitoring.service;

import static dev.aiaas.errors.SqlWork.run;

import dev.aiaas.ml.drift.DriftPolicy;
import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import dev.aiaas.ml.profile.NumericFeatureProfile;
import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.monitoring.model.DriftResult.FeatureDrift;
import dev.aiaas.monitoring.model.FeatureSample;
import dev.aiaas.monitoring.storage.SampleStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drift of a model version's answers: its newest answers against its oldest ones, each side
 * half of the sampled rows with answers that monitoring keeps of the version (at most as many as
 * a drift report reads). Training stores no predictions, so the version's first answers in
 * production are the baseline of what it answers. A classifier's predicted classes are compared
 * as categories, another model's predicted values as numbers, by the policy's method for the
 * newest half's size.
 */
@ApplicationScoped
public class PredictionDrift {

    /** The feature name the answers are reported under. */
    public static final String FEATURE = "prediction";

    @Inject
    SampleStore samples;

    /**
     * The drift of the answers in {@code recent} (the newest samples of one version, newest first);
     * empty while the version has fewer than two sampled requests with answers.
     */
    public Optional<FeatureDrift> of(String project, List<FeatureSample> recent, DriftPolicy policy, int maxRows) {
        FeatureSample newest = recent.get(0);
        long retained = run(() -> samples.answeredRows(project, newest.endpoint(), newest.modelName(),
                newest.modelVersion()));
        int half = (int) Math.min(maxRows, retained / 2);
        List<FeatureSample> current = new ArrayList<>();
        int rows = 0;
        for (FeatureSample sample : recent) {
            if (rows >= half) {
                break;
            }
            if (sample.answered()) {
                current.add(sample);
                rows += sample.rows();
            }
        }
        if (current.isEmpty()) {
            return Optional.empty();
        }
        long firstCurrent = current.get(current.size() - 1).id();
        List<FeatureSample> reference = run(() -> samples.oldestAnswered(project, newest.endpoint(),
                newest.modelName(), newest.modelVersion(), half, firstCurrent));
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        return current.get(0).predictedClasses().length > 0
                ? classes(current, reference, policy) : values(current, reference, policy);
    }

    private static Optional<FeatureDrift> classes(List<FeatureSample> current, List<FeatureSample> reference,
            DriftPolicy policy) {
        String[] now = SampleColumns.predictedClasses(current);
        String[] before = SampleColumns.predictedClasses(reference);
        if (before.length == 0) {
            return Optional.empty();
        }
        CategoricalFeatureProfile baseline = CategoricalFeatureProfile.of(CategoricalColumn.of(FEATURE, before));
        return FeatureDrifts.categorical(FEATURE, baseline, now, policy.categorical(now.length));
    }

    private static Optional<FeatureDrift> values(List<FeatureSample> current, List<FeatureSample> reference,
            DriftPolicy policy) {
        double[] now = SampleColumns.predictedValues(current);
        NumericFeatureProfile baseline = NumericFeatureProfile.of(NumericColumn.of(FEATURE,
                SampleColumns.predictedValues(reference)));
        return FeatureDrifts.numeric(FEATURE, baseline, now, policy.numeric(now.length));
    }
}
