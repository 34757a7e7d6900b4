package dev.aiaas.serving.protocol;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import java.util.List;

/** The shape of one input tensor: a positive batch dimension first. */
record TensorShape(List<Long> dims) {

    static TensorShape of(InferInputTensor input) {
        List<Long> dims = input.getShapeList();
        if (dims.isEmpty()) {
            throw DomainException.invalid("input '" + input.getName() + "' has no shape: give [batch, …]");
        }
        for (long dim : dims) {
            if (dim < 1) {
                throw DomainException.invalid("input '" + input.getName() + "' has shape " + dims
                        + ": every dimension must be at least 1");
            }
        }
        long elements = dims.stream().reduce(1L, Math::multiplyExact);
        if (elements > Integer.MAX_VALUE / 8) {
            throw DomainException.exhausted("input '" + input.getName() + "' with shape " + dims + " is too large");
        }
        return new TensorShape(dims);
    }

    int batch() {
        return Math.toIntExact(dims.get(0));
    }

    int elements() {
        return Math.toIntExact(dims.stream().reduce(1L, Math::multiplyExact));
    }

    int rowWidth() {
        return elements() / batch();
    }

    void requireElements(String name, int actual) {
        if (actual != elements()) {
            throw DomainException.invalid("input '" + name + "' has " + actual + " values but shape " + dims
                    + " needs " + elements());
        }
    }

    @Override
    public String toString() {
        return dims.toString();
    }
}
