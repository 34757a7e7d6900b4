package dev.aiaas.monitoring.dashboard;

import static dev.aiaas.monitoring.dashboard.JsonNumbers.finite;

import dev.aiaas.monitoring.model.DriftSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint's drift over time, as the dashboard draws it: its snapshots in the range, oldest
 * first (a line per feature of its statistic), and the newest of them.
 *
 * @param latest the newest snapshot in the range; null when none was taken in it
 */
public record DriftView(String endpoint, Instant start, Instant end, List<Snapshot> snapshots, Snapshot latest) {

    /** A drift report as it stood at {@code takenAt}. */
    public record Snapshot(Instant takenAt, String model, long version, long sampleRows, double driftShare,
            boolean drifted, List<Feature> features, Feature prediction) {

        static Snapshot of(DriftSnapshot snapshot) {
            return new Snapshot(snapshot.takenAt(), snapshot.modelName(), snapshot.modelVersion(),
                    snapshot.sampleRows(), snapshot.driftShare(), snapshot.drifted(),
                    snapshot.features().stream().map(Feature::of).toList(),
                    snapshot.prediction() == null ? null : Feature.of(snapshot.prediction()));
        }
    }

    /**
     * One feature's drift: the statistic (a distance for a distance method), and the p-value of a
     * test (null for a distance).
     */
    public record Feature(String feature, String kind, String method, Double statistic, Double pValue,
            Double threshold, Double psi, boolean drifted) {

        static Feature of(DriftSnapshot.Feature feature) {
            return new Feature(feature.feature(), feature.kind(), feature.method(), finite(feature.statistic()),
                    finite(feature.pValue()), finite(feature.threshold()), finite(feature.psi()), feature.drifted());
        }
    }

    static DriftView of(String endpoint, Instant start, Instant end, List<DriftSnapshot> snapshots) {
        List<Snapshot> views = snapshots.stream().map(Snapshot::of).toList();
        return new DriftView(endpoint, start, end, views, views.isEmpty() ? null : views.get(views.size() - 1));
    }
}
