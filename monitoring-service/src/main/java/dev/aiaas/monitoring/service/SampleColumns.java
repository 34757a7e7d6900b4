package dev.aiaas.monitoring.service;

import dev.aiaas.monitoring.model.FeatureSample;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One column of many samples: a feature's values looked up by name in each sample (a sample
 * that lacks the feature adds nothing), or the model's answers.
 */
final class SampleColumns {

    private SampleColumns() {
    }

    /** The names {@code names} gives the samples, each once, in the order they first appear. */
    static List<String> names(List<FeatureSample> samples, Function<FeatureSample, List<String>> names) {
        Set<String> all = new LinkedHashSet<>();
        samples.forEach(sample -> all.addAll(names.apply(sample)));
        return List.copyOf(all);
    }

    /** Numeric feature {@code name}'s values (NaN: missing). */
    static double[] numeric(List<FeatureSample> samples, String name) {
        double[] values = new double[rows(samples, sample -> sample.featureNames().contains(name))];
        int at = 0;
        for (FeatureSample sample : samples) {
            int feature = sample.featureNames().indexOf(name);
            int width = sample.featureNames().size();
            for (int row = 0; feature >= 0 && row < sample.rows(); row++) {
                values[at++] = sample.features()[row * width + feature];
            }
        }
        return values;
    }

    /** Categorical feature {@code name}'s values (null: missing). */
    static String[] categorical(List<FeatureSample> samples, String name) {
        String[] values = new String[rows(samples, sample -> sample.categoricalNames().contains(name))];
        int at = 0;
        for (FeatureSample sample : samples) {
            int feature = sample.categoricalNames().indexOf(name);
            int width = sample.categoricalNames().size();
            for (int row = 0; feature >= 0 && row < sample.rows(); row++) {
                values[at++] = sample.categorical()[row * width + feature];
            }
        }
        return values;
    }

    /** A classifier's predicted classes, as category names. */
    static String[] predictedClasses(List<FeatureSample> samples) {
        return samples.stream().flatMapToInt(sample -> Arrays.stream(sample.predictedClasses()))
                .mapToObj(Integer::toString).toArray(String[]::new);
    }

    /** Another model's predicted values, every one of them (a forecaster's whole horizon). */
    static double[] predictedValues(List<FeatureSample> samples) {
        int total = samples.stream().mapToInt(sample -> sample.predictedValues().length).sum();
        double[] values = new double[total];
        int at = 0;
        for (FeatureSample sample : samples) {
            for (float value : sample.predictedValues()) {
                values[at++] = value;
            }
        }
        return values;
    }

    private static int rows(List<FeatureSample> samples, Predicate<FeatureSample> holds) {
        return samples.stream().filter(holds).mapToInt(FeatureSample::rows).sum();
    }
}
