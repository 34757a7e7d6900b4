package dev.aiaas.preprocess.model;

import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.common.v1.ColumnType;

/**
 * A sealed dataset version read back from the object store, as a table.
 *
 * @param labelType the schema's type of the label column; unspecified when there is none
 */
public record SealedDataset(String dataset, long version, String sha256, Table table, ColumnType labelType) {

    /**
     * The task a label of this type is learned as when the pipeline does not say: a DOUBLE label
     * is a number to predict; INT64 (digits, codes), BOOL and STRING labels are classes.
     */
    public LabelTask inferredTask() {
        return labelType == ColumnType.DOUBLE ? LabelTask.REGRESSION : LabelTask.CLASSIFICATION;
    }
}
