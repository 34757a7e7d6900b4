package dev.aiaas.serving.protocol;

import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.ServedModel;

/**
 * A served model's protocol metadata: the model-ready {@value ModelSignature#PREPARED_INPUT}
 * input, then every raw column the fitted transform reads (a request sends either the first
 * or the others), and the outputs of its task: a classifier's probabilities, class and label, or
 * a regression model's predictions.
 */
public final class ModelMetadataView {

    public static final String PLATFORM = "aiaas_djl_pytorch";

    private ModelMetadataView() {
    }

    public static ModelMetadataResponse of(String endpoint, ServedModel model) {
        ModelSignature signature = model.signature();
        TensorMetadata.Builder prepared = TensorMetadata.newBuilder().setName(ModelSignature.PREPARED_INPUT)
                .setDatatype("FP32").addShape(-1);
        signature.preparedShape().forEach(prepared::addShape);
        ModelMetadataResponse.Builder metadata = ModelMetadataResponse.newBuilder()
                .setName(endpoint)
                .addVersions(Long.toString(model.version().version()))
                .setPlatform(PLATFORM)
                .addInputs(prepared);
        for (ColumnSpec column : signature.rawColumns()) {
            metadata.addInputs(raw(column));
        }
        if (!signature.classifier()) {
            return metadata.addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.PREDICTIONS)
                    .setDatatype("FP32").addShape(-1).addShape(signature.outputs())).build();
        }
        return metadata
                .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.PROBABILITIES).setDatatype("FP32")
                        .addShape(-1).addShape(signature.outputs()))
                .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.PREDICTED_CLASS).setDatatype("INT64")
                        .addShape(-1))
                .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.PREDICTED_LABEL).setDatatype("BYTES")
                        .addShape(-1))
                .build();
    }

    private static TensorMetadata raw(ColumnSpec column) {
        TensorMetadata.Builder tensor = TensorMetadata.newBuilder().setName(column.name()).addShape(-1);
        if (column.kind() == ColumnKind.IMAGE) {
            tensor.setDatatype("UINT8");
            for (int dim : column.shape()) {
                tensor.addShape(dim);
            }
        } else {
            tensor.setDatatype(column.kind() == ColumnKind.CATEGORICAL ? "BYTES" : "FP64");
        }
        return tensor.build();
    }
}
