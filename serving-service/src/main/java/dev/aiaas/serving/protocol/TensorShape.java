package dev.aiaas.serving.protocol;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import java.util.List;

/**
 * The admitted shape of one input tensor: a batch dimension first, every dimension at least
 * 1, and an element count that neither overflows nor passes the request's limit. Built
 * before anything of the tensor's size is allocated.
 */
record TensorShape(List<Long> dims, int elements) {

    static TensorShape of(InferInputTensor input, RequestLimits limits) {
        List<Long> dims = input.getShapeList();
        if (dims.isEmpty()) {
            throw DomainException.invalid("input '" + input.getName() + "' has no shape: give [batch, …]");
        }
        long elements = 1;
        for (long dim : dims) {
            if (dim < 1) {
                throw DomainException.invalid("input '" + input.getName() + "' has shape " + dims
                        + ": every dimension must be at least 1");
            }
            try {
                elements = Math.multiplyExact(elements, dim);
            } catch (ArithmeticException e) {
                throw DomainException.invalid("input '" + input.getName() + "' has shape " + dims
                        + ", whose element count overflows: send a real shape");
            }
        }
        if (elements > limits.maxElements()) {
            throw DomainException.invalid("input '" + input.getName() + "' has shape " + dims + " = " + elements
                    + " elements; at most " + limits.maxElements() + " fit in one request: split it");
        }
        if (dims.get(0) > limits.maxRows()) {
            throw DomainException.invalid("input '" + input.getName() + "' has " + dims.get(0) + " rows; at most "
                    + limits.maxRows() + " fit in one request: split it");
        }
        return new TensorShape(List.copyOf(dims), (int) elements);
    }

    int batch() {
        return dims.get(0).intValue();
    }

    /** Elements per row: everything after the batch dimension. */
    int rowWidth() {
        return elements / batch();
    }

    /** The row's dimensions (everything after the batch dimension). */
    List<Long> rowDims() {
        return dims.subList(1, dims.size());
    }

    void requireElements(String name, int actual) {
        if (actual != elements) {
            throw DomainException.invalid("input '" + name + "' has " + actual + " values but shape " + dims
                    + " needs " + elements);
        }
    }

    @Override
    public String toString() {
        return dims.toString();
    }
}
