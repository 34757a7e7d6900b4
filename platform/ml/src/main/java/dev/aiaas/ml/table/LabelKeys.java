package dev.aiaas.ml.table;

import java.util.Comparator;

/**
 * The class label of each row as a string key, so that splits can stratify and
 * transforms can build a class vocabulary whatever the label column's kind: a
 * category is its own key; a number is written canonically ({@code 3}, not
 * {@code 3.0}; {@code 2.5} as is) so that digits 0–9 become classes "0"–"9".
 */
public final class LabelKeys {

    private LabelKeys() {
    }

    /**
     * One key per row of {@code label}; null where the label is missing.
     *
     * @throws IllegalArgumentException for an image column, which cannot be a class label
     */
    public static String[] of(Column label) {
        if (label instanceof ImageColumn) {
            throw new IllegalArgumentException(
                    "column '" + label.name() + "' holds images and cannot be a class label");
        }
        String[] keys = new String[label.size()];
        for (int row = 0; row < keys.length; row++) {
            if (label instanceof NumericColumn numeric) {
                keys[row] = numeric.isMissing(row) ? null : keyOf(numeric.get(row));
            } else {
                keys[row] = ((CategoricalColumn) label).get(row);
            }
        }
        return keys;
    }

    /** The canonical key of a numeric label: whole numbers without a fraction. */
    public static String keyOf(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * The order of keys of a label column of {@code kind}: numeric order for NUMERIC
     * (so "10" follows "9"), natural string order otherwise.
     */
    public static Comparator<String> order(ColumnKind kind) {
        if (kind == ColumnKind.NUMERIC) {
            return Comparator.comparingDouble(Double::parseDouble);
        }
        return Comparator.naturalOrder();
    }
}
