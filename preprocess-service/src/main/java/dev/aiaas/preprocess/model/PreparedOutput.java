package dev.aiaas.preprocess.model;

import dev.aiaas.ml.transform.FittedPipeline;
import java.util.List;

/** What a preparation produced and where it lies: split files, transform and profile. */
public record PreparedOutput(
        PreparationRequest request,
        FittedPipeline fitted,
        List<SplitOutput> splits,
        StoredObject transform,
        StoredObject profile) {

    /** One split's tensors in the store. */
    public record SplitOutput(String name, long rows, StoredObject tensors) {
    }

    /** An object written to the store, with its digest. */
    public record StoredObject(String key, String sha256, long sizeBytes) {
    }
}
