package dev.aiaas.serving.protocol;

import dev.aiaas.ml.table.ColumnKind;
import dev.aiaas.ml.table.ColumnSpec;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.ServedModel;
import dev.aiaas.serving.model.TensorSignature;
import dev.aiaas.serving.model.TensorSpec;

/**
 * A served model's protocol metadata: the model-ready {@value ModelSignature#PREPARED_INPUT}
 * input, then every raw column the fitted transform reads (a request sends either the first
 * or the others; a sequence model's raw columns carry a window per example, [-1, W]), and the
 * outputs of its task: a classifier's probabilities, class and label, a regression model's
 * predictions, or an anomaly detector's score and verdict. A recommender has one input,
 * {@value ModelSignature#USER_ID} (BYTES [-1]; INT64 ids are read as their decimal text), and
 * answers {@value ModelSignature#ITEMS} (BYTES [-1, -1]) and {@value ModelSignature#SCORES}
 * (FP32 [-1, -1]): k items per row, best first, k being the request's {@code parameters.k}
 * (default 10, at most 1,000) or fewer, the same for every row of a request: the most that every
 * row can give (with {@code parameters.exclude_seen}, true unless set, a user's training items
 * are left out). An uploaded model shows its signature's input and outputs as registered, and its
 * engine as the platform ({@code pytorch_libtorch}, {@code onnxruntime_onnx}).
 */
public final class ModelMetadataView {

    public static final String PLATFORM = "aiaas_djl_pytorch";

    private ModelMetadataView() {
    }

    public static ModelMetadataResponse of(String endpoint, ServedModel model) {
        ModelSignature signature = model.signature();
        if (signature.uploaded()) {
            return uploaded(endpoint, model);
        }
        if (signature.recommender()) {
            return recommender(endpoint, model);
        }
        TensorMetadata.Builder prepared = TensorMetadata.newBuilder().setName(ModelSignature.PREPARED_INPUT)
                .setDatatype("FP32").addShape(-1);
        signature.preparedShape().forEach(prepared::addShape);
        ModelMetadataResponse.Builder metadata = ModelMetadataResponse.newBuilder()
                .setName(endpoint)
                .addVersions(Long.toString(model.version().version()))
                .setPlatform(PLATFORM)
                .addInputs(prepared);
        for (ColumnSpec column : signature.rawColumns()) {
            metadata.addInputs(raw(column, signature));
        }
        if (signature.task() == LabelTask.REGRESSION) {
            return metadata.addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.PREDICTIONS)
                    .setDatatype("FP32").addShape(-1).addShape(signature.outputs())).build();
        }
        if (signature.task() == LabelTask.ANOMALY) {
            return metadata
                    .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.ANOMALY_SCORE).setDatatype("FP32")
                            .addShape(-1))
                    .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.IS_ANOMALY).setDatatype("BOOL")
                            .addShape(-1))
                    .build();
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

    private static ModelMetadataResponse recommender(String endpoint, ServedModel model) {
        return ModelMetadataResponse.newBuilder()
                .setName(endpoint)
                .addVersions(Long.toString(model.version().version()))
                .setPlatform(PLATFORM)
                .addInputs(TensorMetadata.newBuilder().setName(ModelSignature.USER_ID).setDatatype("BYTES")
                        .addShape(-1))
                .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.ITEMS).setDatatype("BYTES")
                        .addShape(-1).addShape(-1))
                .addOutputs(TensorMetadata.newBuilder().setName(ModelSignature.SCORES).setDatatype("FP32")
                        .addShape(-1).addShape(-1))
                .build();
    }

    private static ModelMetadataResponse uploaded(String endpoint, ServedModel model) {
        TensorSignature tensors = model.uploaded().signature();
        ModelMetadataResponse.Builder metadata = ModelMetadataResponse.newBuilder()
                .setName(endpoint)
                .addVersions(Long.toString(model.version().version()))
                .setPlatform(model.uploaded().format().platform())
                .addInputs(tensor(tensors.input()));
        tensors.outputs().forEach(output -> metadata.addOutputs(tensor(output)));
        return metadata.build();
    }

    private static TensorMetadata tensor(TensorSpec spec) {
        return TensorMetadata.newBuilder().setName(spec.name()).setDatatype(spec.datatype())
                .addAllShape(spec.shape()).build();
    }

    /** A raw column: [-1] per row, or [-1, W] for a sequence model's window of W rows (images add their shape). */
    private static TensorMetadata raw(ColumnSpec column, ModelSignature signature) {
        TensorMetadata.Builder tensor = TensorMetadata.newBuilder().setName(column.name()).addShape(-1);
        if (signature.windowed()) {
            tensor.addShape(signature.window());
        }
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
