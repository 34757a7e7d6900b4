package dev.aiaas.serving;

import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;

/** Well-formed Iris requests for the serving tests. */
final class IrisRequests {

    private IrisRequests() {
    }

    /** {@code rows} model-ready rows of four standardised features. */
    static ModelInferRequest prepared(String endpoint, int rows) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (int i = 0; i < rows * 4; i++) {
            contents.addFp32Contents((i % 7) * 0.3f - 1f);
        }
        return ModelInferRequest.newBuilder().setModelName(endpoint).addInputs(InferInputTensor.newBuilder()
                .setName("input").setDatatype("FP32").addShape(rows).addShape(4).setContents(contents)).build();
    }
}
