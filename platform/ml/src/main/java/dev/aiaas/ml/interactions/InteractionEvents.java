package dev.aiaas.ml.interactions;

import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.LabelKeys;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a table of events, one (user, item) per row, as {@link Interactions}: ids are read as
 * text (a number as its canonical key, {@code 3} not {@code 3.0}), the events of a pair add up to
 * one interaction weighted by their count or by the sum of a weight column.
 */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    /**
     * @param weightColumn a numeric column of positive weights; empty to count the events
     * @throws IllegalArgumentException when a column is missing or of the wrong kind, when rows lack
     *                                  a user, an item or a weight (the message says how many and
     *                                  the first), or when there are no rows
     */
    public static Interactions of(Table table, String userColumn, String itemColumn, String weightColumn) {
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("no events to learn from: the dataset has no rows");
        }
        String[] users = ids(table, userColumn, "user");
        String[] items = ids(table, itemColumn, "item");
        if (weightColumn.isEmpty()) {
            return Interactions.fromEvents(Arrays.asList(users), Arrays.asList(items), Interactions.Weighting.COUNT);
        }
        float[] weights = weights(table, weightColumn);
        List<String> userList = Arrays.asList(users);
        List<String> itemList = Arrays.asList(items);
        return Interactions.fromWeightedEvents(IdIndex.of(userList, itemList), userList, itemList, weights);
    }

    private static String[] ids(Table table, String name, String role) {
        String[] ids = LabelKeys.of(column(table, name, role));
        long missing = Arrays.stream(ids).filter(InteractionEvents::blank).count();
        if (missing > 0) {
            int first = 0;
            while (!blank(ids[first])) {
                first++;
            }
            throw new IllegalArgumentException(missing + " of " + ids.length + " rows have no " + role + " in column '"
                    + name + "' (the first is row " + first + "): every event needs a " + role
                    + "; drop those rows or fill them before sealing");
        }
        return ids;
    }

    private static float[] weights(Table table, String name) {
        Column column = column(table, name, "weight");
        if (column.kind() != ColumnKind.NUMERIC) {
            throw new IllegalArgumentException("the weight column '" + name + "' is " + column.kind()
                    + ": weights must be numbers");
        }
        NumericColumn numeric = (NumericColumn) column;
        float[] weights = new float[numeric.size()];
        for (int row = 0; row < weights.length; row++) {
            double weight = numeric.isMissing(row) ? Double.NaN : numeric.get(row);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("row " + row + " has weight " + weight + " in column '" + name
                        + "': weights must be finite and positive");
            }
            weights[row] = (float) weight;
        }
        return weights;
    }

    private static Column column(Table table, String name, String role) {
        if (!table.hasColumn(name)) {
            throw new IllegalArgumentException("the " + role + " column '" + name + "' is not in the dataset, whose "
                    + "columns are " + table.columnNames());
        }
        Column column = table.column(name);
        if (column.kind() == ColumnKind.IMAGE) {
            throw new IllegalArgumentException("the " + role + " column '" + name + "' holds images, not ids");
        }
        return column;
    }

    private static boolean blank(String id) {
        return id == null || id.isBlank();
    }
}
