package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Replaces each categorical column by one 0/1 indicator column per category seen in
 * the training split, in sorted order, named {@code column=category}. A category not
 * seen in training, or a missing value, becomes all zeros.
 *
 * @param columns categorical columns to encode; empty means every categorical feature column
 */
public record OneHot(List<String> columns) implements Step {

    /** The most categories one column may one-hot encode: each becomes a feature of every row. */
    public static final int MAX_CATEGORIES = 1000;

    public OneHot {
        columns = List.copyOf(columns);
    }

    /** Encodes every categorical feature column. */
    public OneHot() {
        this(List.of());
    }

    @Override
    public FittedOneHot fit(Table train) {
        List<FittedOneHot.Categories> encoded = new ArrayList<>();
        for (String name : ColumnSelection.resolve(train, columns, ColumnKind.CATEGORICAL, "one-hot")) {
            CategoricalColumn column = train.categorical(name);
            TreeSet<String> seen = new TreeSet<>();
            for (int row = 0; row < column.size(); row++) {
                if (!column.isMissing(row)) {
                    seen.add(column.get(row));
                }
            }
            if (seen.isEmpty()) {
                throw new IllegalArgumentException("one-hot: column '" + name
                        + "' has no values in the training split");
            }
            if (seen.size() > MAX_CATEGORIES) {
                throw new IllegalArgumentException("one-hot: column '" + name + "' has " + seen.size()
                        + " categories in the training split, more than the " + MAX_CATEGORIES + " one-hot encodes:"
                        + " tokenize it if it holds text, or leave it out of the schema if it is an identifier");
            }
            encoded.add(new FittedOneHot.Categories(name, List.copyOf(seen)));
        }
        return new FittedOneHot(encoded);
    }

    static String featureName(String column, String category) {
        return Objects.requireNonNull(column) + "=" + category;
    }
}
