package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces each encoded column, in place, by one indicator column per training
 * category ({@code column=category}, 1 where the row has that category, else 0).
 *
 * @param encodings the categories of each encoded column, sorted
 */
public record FittedOneHot(List<Categories> encodings) implements FittedStep {

    /** The categories seen in training for one column, in indicator order. */
    public record Categories(String column, List<String> values) {
        public Categories {
            Objects.requireNonNull(column, "column");
            values = List.copyOf(values);
        }
    }

    public FittedOneHot {
        encodings = List.copyOf(encodings);
    }

    @Override
    public Table apply(Table table) {
        Table result = table;
        for (Categories encoding : encodings) {
            CategoricalColumn column = table.categorical(encoding.column());
            result = result.replaceColumn(encoding.column(), indicators(column, encoding.values()));
        }
        return result;
    }

    private static List<Column> indicators(CategoricalColumn column, List<String> categories) {
        Map<String, Integer> index = new HashMap<>();
        double[][] values = new double[categories.size()][column.size()];
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        for (int row = 0; row < column.size(); row++) {
            Integer hit = column.isMissing(row) ? null : index.get(column.get(row));
            if (hit != null) {
                values[hit][row] = 1;
            }
        }
        List<Column> indicators = new ArrayList<>(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            indicators.add(NumericColumn.of(OneHot.featureName(column.name(), categories.get(i)), values[i]));
        }
        return indicators;
    }
}
