package dev.aiaas.ml.profile;

import dev.aiaas.ml.table.CategoricalColumn;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The training distribution of one raw categorical feature.
 *
 * @param name        column name
 * @param count       values present
 * @param missing     values missing (null)
 * @param frequencies each category's share of the values present, by category in sorted order
 */
public record CategoricalFeatureProfile(String name, long count, long missing, Map<String, Double> frequencies) {

    public CategoricalFeatureProfile {
        Objects.requireNonNull(name, "name");
        frequencies = Collections.unmodifiableMap(new TreeMap<>(frequencies));
    }

    /** The profile of {@code column}'s values. */
    public static CategoricalFeatureProfile of(CategoricalColumn column) {
        Map<String, Long> counts = new TreeMap<>();
        long missing = 0;
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                missing++;
            } else {
                counts.merge(column.get(row), 1L, Long::sum);
            }
        }
        long count = column.size() - missing;
        Map<String, Double> frequencies = new TreeMap<>();
        counts.forEach((category, n) -> frequencies.put(category, n / (double) count));
        return new CategoricalFeatureProfile(column.name(), count, missing, frequencies);
    }
}
