package dev.aiaas.serving.model;

import java.util.List;

/**
 * One output tensor an uploaded model answered, as the protocol answers it: its name from the
 * version's signature, its shape (the batch first) and its FP32 values, row-major.
 */
public record OutputTensor(String name, List<Long> shape, float[] values) {

    public OutputTensor {
        shape = List.copyOf(shape);
    }

    /** Values per row: everything after the batch dimension. */
    public int rowWidth() {
        return shape.get(0) == 0 ? 0 : (int) (values.length / shape.get(0));
    }
}
