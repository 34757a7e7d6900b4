package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ImageColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the feature columns of a transformed table become one float row: columns in
 * table order (label excluded), a numeric column as one feature, an image as its
 * pixels in C order named {@code column[i]}. The row's shape is {@code [features]},
 * except for a table whose only feature is one image: a 2-D image {@code [h, w]}
 * gets a channel, {@code [1, h, w]}, and other images keep their shape, so that a
 * CNN sees the image as an image.
 */
final class FeatureLayout {

    private final List<String> names;
    private final int[] rowShape;

    FeatureLayout(List<String> names, int[] rowShape) {
        this.names = List.copyOf(names);
        this.rowShape = rowShape.clone();
    }

    /**
     * The layout of {@code table}'s feature columns.
     *
     * @throws IllegalArgumentException when a feature is still categorical, or there is none
     */
    static FeatureLayout of(Table table) {
        List<Column> features = table.featureColumns();
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the pipeline leaves no feature columns");
        }
        List<String> names = new ArrayList<>();
        for (Column column : features) {
            switch (column.kind()) {
                case NUMERIC -> names.add(column.name());
                case IMAGE -> {
                    for (int i = 0; i < ((ImageColumn) column).width(); i++) {
                        names.add(column.name() + "[" + i + "]");
                    }
                }
                case CATEGORICAL -> throw new IllegalArgumentException("column '" + column.name()
                        + "' is still categorical after the pipeline; add a OneHot step for it");
            }
        }
        return new FeatureLayout(names, rowShape(features, names.size()));
    }

    private static int[] rowShape(List<Column> features, int width) {
        if (features.size() == 1 && features.get(0) instanceof ImageColumn image) {
            int[] shape = image.shape();
            if (shape.length == 2) {
                return new int[] {1, shape[0], shape[1]};
            }
            return shape;
        }
        return new int[] {width};
    }

    List<String> names() {
        return names;
    }

    int[] rowShape() {
        return rowShape.clone();
    }

    /**
     * The features of every row of {@code table}, row-major.
     *
     * @throws IllegalArgumentException for a missing numeric value, naming its row and column
     */
    float[] assemble(Table table) {
        List<Column> features = table.featureColumns();
        int rows = table.rowCount();
        float[] values = new float[rows * names.size()];
        int offset = 0;
        for (Column column : features) {
            if (column instanceof NumericColumn numeric) {
                copyNumeric(numeric, values, offset);
                offset += 1;
            } else {
                ImageColumn image = (ImageColumn) column;
                for (int row = 0; row < rows; row++) {
                    image.writeFeatures(row, values, row * names.size() + offset);
                }
                offset += image.width();
            }
        }
        return values;
    }

    private void copyNumeric(NumericColumn column, float[] values, int offset) {
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                throw new IllegalArgumentException("row " + row + ", column '" + column.name()
                        + "': the value is missing and no step fills it; add an Impute step for it");
            }
            values[row * names.size() + offset] = (float) column.get(row);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureLayout that
                && names.equals(that.names) && Arrays.equals(rowShape, that.rowShape);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(rowShape);
    }

    @Override
    public String toString() {
        return names.size() + " features " + Arrays.toString(rowShape) + " " + names;
    }
}
