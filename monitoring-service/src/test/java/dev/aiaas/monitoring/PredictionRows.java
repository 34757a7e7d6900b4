package dev.aiaas.monitoring;

import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;

/** Input rows for logged predictions, taken from a training table and moved to drift or not. */
final class PredictionRows {

    static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    private PredictionRows() {
    }

    /**
     * Every row of {@code table} in batches of {@code batch} rows, row-major over {@link #FEATURES},
     * each feature moved by {@code shiftInStd} of its standard deviation.
     */
    static List<List<Double>> of(Table table, double shiftInStd, int batch) {
        List<List<Double>> batches = new ArrayList<>();
        for (int start = 0; start < table.rowCount(); start += batch) {
            List<Double> values = new ArrayList<>();
            for (int row = start; row < Math.min(start + batch, table.rowCount()); row++) {
                for (String feature : FEATURES) {
                    NumericColumn column = table.numeric(feature);
                    values.add(column.get(row) + shiftInStd * std(column));
                }
            }
            batches.add(values);
        }
        return batches;
    }

    private static double std(NumericColumn column) {
        double mean = 0;
        for (int i = 0; i < column.size(); i++) {
            mean += column.get(i);
        }
        mean /= column.size();
        double sum = 0;
        for (int i = 0; i < column.size(); i++) {
            sum += Math.pow(column.get(i) - mean, 2);
        }
        return Math.sqrt(sum / column.size());
    }
}
