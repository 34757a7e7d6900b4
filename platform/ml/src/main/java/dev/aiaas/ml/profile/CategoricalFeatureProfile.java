package dev.aiaas.ml.profile;

import dev.aiaas.ml.table.CategoricalColumn;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The training distribution of one raw categorical feature. The profile stays small whatever
 * the column holds: the {@link #MAX_CATEGORIES} most frequent categories are listed, and the
 * share of all the others is {@code other}, one bucket. A value that is not listed, in
 * training or in production, counts in that bucket.
 *
 * @param name        column name
 * @param count       values present
 * @param missing     values missing (null)
 * @param frequencies the listed categories' shares of the values present, by category in sorted order
 * @param other       the share of the values present in categories not listed (0 when all are)
 */
public record CategoricalFeatureProfile(String name, long count, long missing, Map<String, Double> frequencies,
                                        double other) {

    /** The most categories a profile lists; the rest share the {@code other} bucket. */
    public static final int MAX_CATEGORIES = 100;

    public CategoricalFeatureProfile {
        Objects.requireNonNull(name, "name");
        frequencies = Collections.unmodifiableMap(new TreeMap<>(frequencies));
        if (frequencies.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException("feature '" + name + "' lists " + frequencies.size()
                    + " categories, more than " + MAX_CATEGORIES);
        }
    }

    /** A profile that lists every category, as written before the {@code other} bucket. */
    public CategoricalFeatureProfile(String name, long count, long missing, Map<String, Double> frequencies) {
        this(name, count, missing, frequencies, 0);
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
        List<Map.Entry<String, Long>> listed = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CATEGORIES).toList();
        Map<String, Double> frequencies = new TreeMap<>();
        long inListed = 0;
        for (Map.Entry<String, Long> category : listed) {
            frequencies.put(category.getKey(), category.getValue() / (double) count);
            inListed += category.getValue();
        }
        double other = count == 0 ? 0 : (count - inListed) / (double) count;
        return new CategoricalFeatureProfile(column.name(), count, missing, frequencies, other);
    }
}
