package dev.aiaas.ml.profile;

import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Column;
import dev.aiaas.ml.table.NumericColumn;
import dev.aiaas.ml.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The baseline against which drift is measured: the distribution of every raw
 * feature column of the training split. Raw, not transformed, because serving logs
 * carry the raw request features and monitoring compares like with like. The label
 * is not profiled, nor are images (pixels one by one say little about drift).
 *
 * @param rowCount    rows of the training split
 * @param numeric     one profile per numeric feature, in table order
 * @param categorical one profile per categorical feature, in table order
 */
public record FeatureProfile(long rowCount, List<NumericFeatureProfile> numeric,
                             List<CategoricalFeatureProfile> categorical) {

    public FeatureProfile {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
    }

    /** Profiles the raw feature columns of {@code train}. */
    public static FeatureProfile of(Table train) {
        List<NumericFeatureProfile> numeric = new ArrayList<>();
        List<CategoricalFeatureProfile> categorical = new ArrayList<>();
        for (Column column : train.featureColumns()) {
            if (column instanceof NumericColumn values) {
                numeric.add(NumericFeatureProfile.of(values));
            } else if (column instanceof CategoricalColumn values) {
                categorical.add(CategoricalFeatureProfile.of(values));
            }
        }
        return new FeatureProfile(train.rowCount(), numeric, categorical);
    }

    /** The profile of numeric feature {@code name}, if there is one. */
    public Optional<NumericFeatureProfile> numeric(String name) {
        return numeric.stream().filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** The profile of categorical feature {@code name}, if there is one. */
    public Optional<CategoricalFeatureProfile> categorical(String name) {
        return categorical.stream().filter(profile -> profile.name().equals(name)).findFirst();
    }
}
