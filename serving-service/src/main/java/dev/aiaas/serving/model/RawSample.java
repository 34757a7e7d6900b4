package dev.aiaas.serving.model;

import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * A request's raw features as the prediction log samples them for drift: every raw column as a
 * number per row (NaN where it is not one), and the categorical columns again as their text ("" where
 * missing), both row-major.
 *
 * @param names            the model's raw columns, in schema order
 * @param numbers          {@code names.size()} per row
 * @param categoricalNames the raw columns of kind CATEGORICAL
 * @param categories       {@code categoricalNames.size()} per row
 */
public record RawSample(List<String> names, double[] numbers, List<String> categoricalNames, String[] categories) {

    public RawSample {
        names = List.copyOf(names);
        categoricalNames = List.copyOf(categoricalNames);
    }

    /** The sample of {@code records}, one per row, read over {@code columns}. */
    public static RawSample of(List<Map<String, Object>> records, List<ColumnSpec> columns) {
        List<ColumnSpec> categorical = columns.stream().filter(c -> c.kind() == ColumnKind.CATEGORICAL).toList();
        double[] numbers = new double[records.size() * columns.size()];
        String[] categories = new String[records.size() * categorical.size()];
        for (int row = 0; row < records.size(); row++) {
            Map<String, Object> record = records.get(row);
            for (int f = 0; f < columns.size(); f++) {
                Object value = record.get(columns.get(f).name());
                numbers[row * columns.size() + f] = value instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            for (int c = 0; c < categorical.size(); c++) {
                Object value = record.get(categorical.get(c).name());
                categories[row * categorical.size() + c] = value == null ? "" : value.toString();
            }
        }
        return new RawSample(columns.stream().map(ColumnSpec::name).toList(), numbers,
                categorical.stream().map(ColumnSpec::name).toList(), categories);
    }
}
