package dev.aiaas.registry.model;

import java.util.List;

/**
 * One tensor a model takes or answers.
 *
 * @param datatype its Open Inference Protocol name (FP32, INT64, …)
 * @param shape    its dimensions, -1 for a free one
 */
public record TensorSpec(String name, String datatype, List<Long> shape) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }
}
