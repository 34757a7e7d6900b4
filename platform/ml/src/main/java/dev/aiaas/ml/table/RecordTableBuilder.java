package dev.aiaas.ml.table;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Table} from records (column name → value), checking each value
 * against the column's kind. Accepted values: NUMERIC — any {@link Number}, or a
 * {@link Boolean} as 1/0; CATEGORICAL — a {@link String}; IMAGE — a {@code byte[]}, an
 * {@code int[]} or a {@code List} of numbers 0–255, as many as the shape holds. An
 * absent key or a null is a missing value (not allowed for images); keys that name no
 * column are ignored.
 */
public final class RecordTableBuilder {

    private final List<ColumnSpec> specs;
    private final String labelName;
    private final List<ColumnValues> values = new ArrayList<>();
    private int rows;

    /**
     * @param specs     the columns, in table order
     * @param labelName the label column's name, or null for unlabelled data
     */
    public RecordTableBuilder(List<ColumnSpec> specs, String labelName) {
        this.specs = List.copyOf(specs);
        this.labelName = labelName;
        for (ColumnSpec spec : this.specs) {
            values.add(switch (spec.kind()) {
                case NUMERIC -> new NumericValues(spec);
                case CATEGORICAL -> new CategoricalValues(spec);
                case IMAGE -> new ImageValues(spec);
            });
        }
    }

    /**
     * Adds one record.
     *
     * @throws IllegalArgumentException naming the row and column of a value of the wrong type,
     *                                  a pixel out of range or an image of the wrong size;
     *                                  nothing of the record is added then
     */
    public RecordTableBuilder add(Map<String, ?> record) {
        return add(record, "row " + rows + ", ");
    }

    /**
     * A one-row table of {@code record}, for serving a single request.
     *
     * @throws IllegalArgumentException naming the column of a value of the wrong type,
     *                                  a pixel out of range or an image of the wrong size
     */
    public static Table single(List<ColumnSpec> specs, Map<String, ?> record) {
        return new RecordTableBuilder(specs, null).add(record, "").build();
    }

    private RecordTableBuilder add(Map<String, ?> record, String where) {
        Object[] checked = new Object[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            String name = specs.get(i).name();
            try {
                checked[i] = values.get(i).check(record.get(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "column '" + name + "': " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < checked.length; i++) {
            values.get(i).append(checked[i]);
        }
        rows++;
        return this;
    }

    /** The table of every record added so far. */
    public Table build() {
        return Table.of(values.stream().map(ColumnValues::build).toList(), labelName);
    }

    /** Checks one raw value (returning it in stored form) and appends checked values. */
    private abstract static class ColumnValues {
        final ColumnSpec spec;

        ColumnValues(ColumnSpec spec) {
            this.spec = spec;
        }

        abstract Object check(Object raw);

        abstract void append(Object checked);

        abstract Column build();

        static String describe(Object raw) {
            if (raw instanceof String text) {
                return "the string \"" + text + "\"";
            }
            return raw.getClass().getSimpleName() + " " + raw;
        }
    }

    private static final class NumericValues extends ColumnValues {
        private double[] data = new double[16];
        private int size;

        NumericValues(ColumnSpec spec) {
            super(spec);
        }

        @Override
        Object check(Object raw) {
            if (raw == null) {
                return Double.NaN;
            }
            if (raw instanceof Number number) {
                return number.doubleValue();
            }
            if (raw instanceof Boolean flag) {
                return flag ? 1.0 : 0.0;
            }
            throw new IllegalArgumentException("expected a number, got " + describe(raw));
        }

        @Override
        void append(Object checked) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = (Double) checked;
        }

        @Override
        Column build() {
            return NumericColumn.of(spec.name(), Arrays.copyOf(data, size));
        }
    }

    private static final class CategoricalValues extends ColumnValues {
        private final List<String> data = new ArrayList<>();

        CategoricalValues(ColumnSpec spec) {
            super(spec);
        }

        @Override
        Object check(Object raw) {
            if (raw == null || raw instanceof String) {
                return raw;
            }
            throw new IllegalArgumentException("expected a string, got " + describe(raw));
        }

        @Override
        void append(Object checked) {
            data.add((String) checked);
        }

        @Override
        Column build() {
            return CategoricalColumn.of(spec.name(), data.toArray(String[]::new));
        }
    }

    private static final class ImageValues extends ColumnValues {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        ImageValues(ColumnSpec spec) {
            super(spec);
        }

        @Override
        Object check(Object raw) {
            byte[] image = ImagePixels.toBytes(raw);
            if (image.length != spec.width()) {
                throw new IllegalArgumentException("expected " + spec.width() + " pixels for shape "
                        + Arrays.toString(spec.shape()) + ", got " + image.length);
            }
            return image;
        }

        @Override
        void append(Object checked) {
            data.writeBytes((byte[]) checked);
        }

        @Override
        Column build() {
            return ImageColumn.of(spec.name(), spec.shape(), data.toByteArray());
        }
    }
}
