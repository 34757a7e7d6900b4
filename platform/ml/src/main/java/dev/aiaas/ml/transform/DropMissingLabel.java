package dev.aiaas.ml.transform;

import dev.aiaas.ml.table.Table;

/** Drops every row whose label is missing. It learns nothing; it needs a labelled table to fit. */
public record DropMissingLabel() implements Step {

    @Override
    public FittedDropMissingLabel fit(Table train) {
        if (train.labelName().isEmpty()) {
            throw new IllegalArgumentException("drop missing label: the table has no label column");
        }
        return new FittedDropMissingLabel();
    }
}
