package dev.aiaas.preprocess.model;

import dev.aiaas.ml.table.Table;

/** A sealed dataset version read back from the object store, as a table. */
public record SealedDataset(String dataset, long version, String sha256, Table table) {
}
