package dev.aiaas.ml.drift;

import dev.aiaas.ml.profile.CategoricalFeatureProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical sample counted in the baseline's buckets: each category the profile lists,
 * in its order, then one bucket for every other value (the profile's {@code other} share,
 * and every category training never saw).
 *
 * @param buckets  the listed categories, then "(other)"
 * @param expected the baseline's share of each bucket (summing to 1)
 * @param observed the sample's count in each bucket
 * @param present  the sample's values present (the counts' sum)
 */
record CategoryShares(List<String> buckets, double[] expected, long[] observed, long present) {

    /** The name of the last bucket. */
    static final String OTHER = "(other)";

    /**
     * {@code sample} (null = missing, left out) in {@code baseline}'s buckets.
     *
     * @throws IllegalArgumentException when the sample has no values
     */
    static CategoryShares of(CategoricalFeatureProfile baseline, String[] sample) {
        List<String> buckets = new ArrayList<>(baseline.frequencies().keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            index.put(buckets.get(i), i);
        }
        double[] expected = new double[buckets.size() + 1];
        for (int i = 0; i < buckets.size(); i++) {
            expected[i] = baseline.frequencies().get(buckets.get(i));
        }
        expected[buckets.size()] = baseline.other();
        long[] observed = new long[expected.length];
        long present = 0;
        for (String value : sample) {
            if (value != null) {
                observed[index.getOrDefault(value, buckets.size())]++;
                present++;
            }
        }
        if (present == 0) {
            throw new IllegalArgumentException("the sample of feature '" + baseline.name() + "' has no values");
        }
        buckets.add(OTHER);
        return new CategoryShares(List.copyOf(buckets), expected, observed, present);
    }

    /** The sample's share of each bucket. */
    double[] observedShares() {
        double[] shares = new double[observed.length];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = observed[i] / (double) present;
        }
        return shares;
    }
}
