package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.Table;
import java.util.List;

/**
 * Divides image bytes by 255 so that pixels lie in [0, 1]. It learns nothing from
 * the data; fitting only checks the columns.
 *
 * @param columns image columns to scale; empty means every image column
 */
public record ScalePixels(List<String> columns) implements Step {

    public ScalePixels {
        columns = List.copyOf(columns);
    }

    /** Scales every image column. */
    public ScalePixels() {
        this(List.of());
    }

    @Override
    public FittedScalePixels fit(Table train) {
        return new FittedScalePixels(ColumnSelection.resolve(train, columns, ColumnKind.IMAGE, "scale pixels"));
    }
}
