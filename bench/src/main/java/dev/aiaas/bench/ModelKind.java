package dev.aiaas.bench;

import dev.aiaas.models.ModelFamily;
import dev.aiaas.models.ModelSpec;
import java.util.List;

/** The two models the benchmark trains, serves and calls: one per kind of network the platform serves. */
enum ModelKind {
    /** Iris MLP: input [4], one hidden layer of 16, 3 classes. */
    IRIS("iris", ModelSpec.withDefaults(ModelFamily.MLP, List.of(4), List.of(16), 3)),
    /** Digits CNN: input [1, 28, 28], the family's default channels (8, 16), 10 classes. */
    DIGITS("digits", ModelSpec.withDefaults(ModelFamily.CNN, List.of(1, 28, 28), List.of(), 10));

    private final String id;
    private final ModelSpec spec;

    ModelKind(String id, ModelSpec spec) {
        this.id = id;
        this.spec = spec;
    }

    /** The registered model's name, and the first part of its endpoints' names. */
    String id() {
        return id;
    }

    ModelSpec spec() {
        return spec;
    }

    /** The serving endpoint of this model with {@code batching}: {@code iris-b64}. */
    String endpoint(BatchingMode batching) {
        return id + "-" + batching.suffix();
    }
}
