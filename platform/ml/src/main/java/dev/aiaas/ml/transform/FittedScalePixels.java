package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Table;
import java.util.List;

/**
 * Reads the named image columns as byte / 255. Applying it twice scales once: the
 * divisor is set, not multiplied.
 *
 * @param columns the image columns to scale
 */
public record FittedScalePixels(List<String> columns) implements FittedStep {

    /** The divisor that maps a byte 0–255 onto [0, 1]. */
    public static final float MAX_PIXEL = 255f;

    public FittedScalePixels {
        columns = List.copyOf(columns);
    }

    @Override
    public Table apply(Table table) {
        Table result = table;
        for (String name : columns) {
            result = result.withColumn(table.image(name).withDivisor(MAX_PIXEL));
        }
        return result;
    }
}
