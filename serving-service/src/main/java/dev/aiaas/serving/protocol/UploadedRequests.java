package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.TensorSpec;

/**
 * Reads an uploaded model's request: exactly one input, named as its signature's input, of that
 * datatype (FP32 or INT64, no conversion) and shaped [batch, d1, …] with the signature's
 * dimensions after the batch. Name, datatype and shape are checked before any value is copied
 * out of the message; FP32 values must be finite. There are no raw columns: such a model has no
 * transform.
 */
final class UploadedRequests {

    private UploadedRequests() {
    }

    static InferenceInput.Tensor decode(ModelInferRequest request, TensorShape shape, ModelSignature signature) {
        TensorSpec expected = signature.tensors().orElseThrow().input();
        InferInputTensor input = request.getInputs(0);
        if (request.getInputsCount() != 1 || !expected.name().equals(input.getName())) {
            throw DomainException.invalid("this model takes " + signature.describeInputs() + "; the request sent "
                    + request.getInputsList().stream().map(InferInputTensor::getName).toList());
        }
        if (!expected.datatype().equals(input.getDatatype())) {
            throw DomainException.invalid("input '" + input.getName() + "' has datatype " + input.getDatatype()
                    + "; this model takes " + expected.datatype() + " (" + signature.describeInputs() + ")");
        }
        if (!shape.rowDims().equals(expected.rowShape())) {
            throw DomainException.invalid("input '" + input.getName() + "' has shape " + shape + "; this model takes "
                    + signature.describeInputs());
        }
        ByteString raw = request.getRawInputContentsCount() > 0 ? request.getRawInputContents(0) : null;
        if ("INT64".equals(expected.datatype())) {
            return InferenceInput.Tensor.int64(longs(input, raw, shape), shape.batch());
        }
        double[] values = TensorCodec.numbers(input, raw, shape);
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw DomainException.invalid("input '" + input.getName() + "' holds " + values[i] + " at element "
                        + i + ": send finite numbers");
            }
            floats[i] = (float) values[i];
        }
        return InferenceInput.Tensor.fp32(floats, shape.batch());
    }

    private static long[] longs(InferInputTensor input, ByteString raw, TensorShape shape) {
        if (raw != null) {
            return RawTensors.longs(input.getName(), raw, shape.elements());
        }
        shape.requireElements(input.getName(), input.getContents().getInt64ContentsCount());
        return input.getContents().getInt64ContentsList().stream().mapToLong(Long::longValue).toArray();
    }
}
