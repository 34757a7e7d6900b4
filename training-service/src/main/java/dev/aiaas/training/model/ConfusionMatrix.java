package dev.aiaas.training.model;

import java.util.List;

/**
 * Test-split counts of a classifier: {@code counts[i * labels.size() + j]} rows of true class
 * {@code labels[i]} were predicted as {@code labels[j]}.
 */
public record ConfusionMatrix(List<String> labels, List<Long> counts) {

    public static final ConfusionMatrix NONE = new ConfusionMatrix(List.of(), List.of());

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        counts = List.copyOf(counts);
        if (counts.size() != labels.size() * labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels need " + labels.size() * labels.size()
                    + " counts, got " + counts.size());
        }
    }
}
