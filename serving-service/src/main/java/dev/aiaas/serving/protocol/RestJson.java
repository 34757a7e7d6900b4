package dev.aiaas.serving.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelStatisticsResponse;
import dev.aiaas.proto.inference.StatisticDuration;
import java.util.Map;

/**
 * The protocol's gRPC answers as its REST bodies, so both edges build one answer: inference
 * responses, model metadata and statistics, field names as the REST mapping has them.
 */
public final class RestJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RestJson() {
    }

    public static ObjectNode inference(ModelInferResponse response) {
        ObjectNode body = JSON.objectNode()
                .put("model_name", response.getModelName())
                .put("model_version", response.getModelVersion());
        if (!response.getId().isEmpty()) {
            body.put("id", response.getId());
        }
        parameters(body, response.getParametersMap());
        ArrayNode outputs = body.putArray("outputs");
        for (ModelInferResponse.InferOutputTensor tensor : response.getOutputsList()) {
            ObjectNode output = outputs.addObject().put("name", tensor.getName()).put("datatype", tensor.getDatatype());
            ArrayNode shape = output.putArray("shape");
            tensor.getShapeList().forEach(shape::add);
            ArrayNode data = output.putArray("data");
            InferTensorContents contents = tensor.getContents();
            contents.getFp32ContentsList().forEach(data::add);
            contents.getInt64ContentsList().forEach(data::add);
            contents.getBoolContentsList().forEach(data::add);
            contents.getBytesContentsList().forEach(b -> data.add(b.toStringUtf8()));
        }
        return body;
    }

    public static ObjectNode metadata(ModelMetadataResponse metadata) {
        ObjectNode body = JSON.objectNode().put("name", metadata.getName()).put("platform", metadata.getPlatform());
        ArrayNode versions = body.putArray("versions");
        metadata.getVersionsList().forEach(versions::add);
        ArrayNode inputs = body.putArray("inputs");
        metadata.getInputsList().forEach(t -> tensor(inputs.addObject(), t));
        ArrayNode outputs = body.putArray("outputs");
        metadata.getOutputsList().forEach(t -> tensor(outputs.addObject(), t));
        return body;
    }

    public static ObjectNode statistics(ModelStatisticsResponse statistics) {
        ObjectNode body = JSON.objectNode();
        ArrayNode models = body.putArray("model_stats");
        for (var model : statistics.getModelStatsList()) {
            ObjectNode node = models.addObject().put("name", model.getName()).put("version", model.getVersion())
                    .put("last_inference", model.getLastInference())
                    .put("inference_count", model.getInferenceCount())
                    .put("execution_count", model.getExecutionCount());
            var stats = model.getInferenceStats();
            ObjectNode inference = node.putObject("inference_stats");
            duration(inference, "success", stats.getSuccess());
            duration(inference, "fail", stats.getFail());
            duration(inference, "queue", stats.getQueue());
            duration(inference, "compute_input", stats.getComputeInput());
            duration(inference, "compute_infer", stats.getComputeInfer());
            duration(inference, "compute_output", stats.getComputeOutput());
            duration(inference, "cache_hit", stats.getCacheHit());
            ArrayNode batches = node.putArray("batch_stats");
            for (var batch : model.getBatchStatsList()) {
                ObjectNode b = batches.addObject().put("batch_size", batch.getBatchSize());
                duration(b, "compute_input", batch.getComputeInput());
                duration(b, "compute_infer", batch.getComputeInfer());
                duration(b, "compute_output", batch.getComputeOutput());
            }
        }
        return body;
    }

    private static void tensor(ObjectNode node, ModelMetadataResponse.TensorMetadata tensor) {
        node.put("name", tensor.getName()).put("datatype", tensor.getDatatype());
        ArrayNode shape = node.putArray("shape");
        tensor.getShapeList().forEach(shape::add);
    }

    private static void duration(ObjectNode parent, String name, StatisticDuration duration) {
        parent.putObject(name).put("count", duration.getCount()).put("ns", duration.getNs());
    }

    private static void parameters(ObjectNode body, Map<String, InferParameter> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        ObjectNode node = body.putObject("parameters");
        parameters.forEach((name, p) -> {
            switch (p.getParameterChoiceCase()) {
                case BOOL_PARAM -> node.put(name, p.getBoolParam());
                case INT64_PARAM -> node.put(name, p.getInt64Param());
                case UINT64_PARAM -> node.put(name, p.getUint64Param());
                case DOUBLE_PARAM -> node.put(name, p.getDoubleParam());
                default -> node.put(name, p.getStringParam());
            }
        });
    }
}
