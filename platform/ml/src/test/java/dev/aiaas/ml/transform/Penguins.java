package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.List;

/** A small penguin-like table: numbers with gaps, a category with gaps, and a label with a gap. */
final class Penguins {

    private Penguins() {
    }

    static Table train() {
        return Table.of(List.of(
                NumericColumn.of("bill", 39.1, 46.5, Double.NaN, 49.0, 36.7, 50.2),
                CategoricalColumn.of("island", "Torgersen", "Dream", "Biscoe", null, "Torgersen", "Biscoe"),
                NumericColumn.of("mass", 3750, 3500, 4400, 5700, Double.NaN, 5000),
                CategoricalColumn.of("species", "Adelie", "Chinstrap", "Gentoo", "Gentoo", "Adelie", null)),
                "species");
    }

    static Table test() {
        return Table.of(List.of(
                NumericColumn.of("bill", 41.0, Double.NaN),
                CategoricalColumn.of("island", "Biscoe", "Atlantis"),
                NumericColumn.of("mass", Double.NaN, 4000),
                CategoricalColumn.of("species", "Gentoo", "Adelie")),
                "species");
    }

    static Pipeline pipeline() {
        return Pipeline.of(new DropMissingLabel(), new Impute(Impute.Strategy.MEDIAN), new Standardize(), new OneHot());
    }
}
