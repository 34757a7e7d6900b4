package dev.aiaas.serving.protocol;

import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import dev.aiaas.serving.model.ServedModel;

/**
 * A served model's protocol metadata: the model-ready {@value TensorCodec#PREPARED_INPUT}
 * input and the two outputs. The model's raw input columns are accepted as inputs too
 * (see {@link TensorCodec}).
 */
public final class ModelMetadataView {

    private ModelMetadataView() {
    }

    public static ModelMetadataResponse of(String endpoint, ServedModel model) {
        TensorMetadata.Builder input = TensorMetadata.newBuilder().setName(TensorCodec.PREPARED_INPUT)
                .setDatatype("FP32").addShape(-1);
        model.model().spec().inputShape().forEach(d -> input.addShape(d));
        return ModelMetadataResponse.newBuilder()
                .setName(endpoint)
                .addVersions(Long.toString(model.version().version()))
                .setPlatform("aiaas_djl_pytorch")
                .addInputs(input)
                .addOutputs(TensorMetadata.newBuilder().setName(InferenceResponses.PROBABILITIES).setDatatype("FP32")
                        .addShape(-1).addShape(model.model().spec().outputs()))
                .addOutputs(TensorMetadata.newBuilder().setName(InferenceResponses.PREDICTED_CLASS).setDatatype("INT64")
                        .addShape(-1))
                .build();
    }
}
