package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.LabelKeys;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the label column becomes model targets, learned on the training split: for
 * classification the class labels in sorted order ({@link LabelKeys#order}), whose
 * positions are the class indices; for regression the number itself; for anomaly
 * detection 0 for a normal label (one seen in the training split, which holds only
 * normal rows) and 1 for any other.
 *
 * @param column  the label column's name
 * @param kind    the label column's kind
 * @param task    classification, regression or anomaly detection
 * @param classes the class labels in index order; the normal labels for anomaly detection;
 *                empty for regression
 */
public record LabelEncoding(String column, ColumnKind kind, LabelTask task, List<String> classes) {

    public LabelEncoding {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
    }

    /**
     * Learns the encoding of {@code train}'s label.
     *
     * @throws IllegalArgumentException for a regression label that is not numeric, or no labels at all
     */
    static LabelEncoding fit(Table train, LabelTask task) {
        Column label = train.label().orElseThrow();
        if (task == LabelTask.REGRESSION) {
            if (label.kind() != ColumnKind.NUMERIC) {
                throw new IllegalArgumentException("regression needs a numeric label; column '"
                        + label.name() + "' is " + label.kind());
            }
            return new LabelEncoding(label.name(), label.kind(), task, List.of());
        }
        List<String> classes = Arrays.stream(LabelKeys.of(label)).filter(Objects::nonNull).distinct()
                .sorted(LabelKeys.order(label.kind())).toList();
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("label column '" + label.name()
                    + "' has no values in the training split");
        }
        return new LabelEncoding(label.name(), label.kind(), task, classes);
    }

    /**
     * The class index of every row of {@code table}'s label; for anomaly detection 0
     * (normal) or 1 (anomaly).
     *
     * @throws IllegalArgumentException for a missing label, or for classification one not
     *                                  seen in the training split
     */
    public int[] classIndices(Table table) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), task == LabelTask.ANOMALY ? 0 : i);
        }
        String[] keys = LabelKeys.of(table.column(column));
        int[] indices = new int[keys.length];
        for (int row = 0; row < keys.length; row++) {
            requirePresent(keys[row] == null, row);
            Integer found = index.get(keys[row]);
            if (task == LabelTask.ANOMALY) {
                indices[row] = found == null ? 1 : 0;
                continue;
            }
            if (found == null) {
                throw new IllegalArgumentException("row " + row + ": label '" + keys[row] + "' of column '"
                        + column + "' was not seen in the training split; known classes are " + classes);
            }
            indices[row] = found;
        }
        return indices;
    }

    /**
     * The regression target of every row of {@code table}.
     *
     * @throws IllegalArgumentException for a missing label
     */
    public float[] targets(Table table) {
        NumericColumn label = table.numeric(column);
        float[] targets = new float[label.size()];
        for (int row = 0; row < targets.length; row++) {
            requirePresent(label.isMissing(row), row);
            targets[row] = (float) label.get(row);
        }
        return targets;
    }

    private void requirePresent(boolean missing, int row) {
        if (missing) {
            throw new IllegalArgumentException("row " + row + " has no label in column '" + column
                    + "'; add a DropMissingLabel step to the pipeline");
        }
    }
}
