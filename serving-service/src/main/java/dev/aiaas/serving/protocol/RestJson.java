package dev.aiaas.serving.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's REST body ↔ its gRPC messages, so both edges share one decoder and one
 * encoder. Tensor {@code data} may be flat or nested (row-major either way).
 */
public final class RestJson {

    private RestJson() {
    }

    public static ModelInferRequest toRequest(String model, String version, JsonNode body) {
        if (body == null || !body.path("inputs").isArray()) {
            throw DomainException.invalid("the body needs an \"inputs\" array of {name, shape, datatype, data}");
        }
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(model)
                .setModelVersion(version == null ? "" : version).setId(body.path("id").asText(""));
        for (JsonNode input : body.path("inputs")) {
            ModelInferRequest.InferInputTensor.Builder tensor = ModelInferRequest.InferInputTensor.newBuilder()
                    .setName(input.path("name").asText()).setDatatype(input.path("datatype").asText());
            input.path("shape").forEach(d -> tensor.addShape(d.asLong()));
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            flatten(input.path("data"), tensor.getDatatype(), contents);
            request.addInputs(tensor.setContents(contents));
        }
        for (JsonNode output : body.path("outputs")) {
            request.addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName(output.path("name").asText()));
        }
        return request.build();
    }

    public static ObjectNode toJson(ModelInferResponse response) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("model_name", response.getModelName())
                .put("model_version", response.getModelVersion());
        if (!response.getId().isEmpty()) {
            body.put("id", response.getId());
        }
        ArrayNode outputs = body.putArray("outputs");
        for (ModelInferResponse.InferOutputTensor tensor : response.getOutputsList()) {
            ObjectNode output = outputs.addObject().put("name", tensor.getName()).put("datatype", tensor.getDatatype());
            ArrayNode shape = output.putArray("shape");
            tensor.getShapeList().forEach(shape::add);
            ArrayNode data = output.putArray("data");
            tensor.getContents().getFp32ContentsList().forEach(data::add);
            tensor.getContents().getInt64ContentsList().forEach(data::add);
        }
        return body;
    }

    private static void flatten(JsonNode data, String datatype, InferTensorContents.Builder contents) {
        if (data.isArray()) {
            data.forEach(element -> flatten(element, datatype, contents));
            return;
        }
        switch (datatype) {
            case "FP32" -> contents.addFp32Contents((float) number(data));
            case "FP64" -> contents.addFp64Contents(number(data));
            case "INT8", "INT16", "INT32" -> contents.addIntContents((int) number(data));
            case "INT64" -> contents.addInt64Contents((long) number(data));
            case "UINT8" -> contents.addUintContents((int) number(data));
            case "BOOL" -> contents.addBoolContents(data.asBoolean());
            case "BYTES" -> contents.addBytesContents(ByteString.copyFrom(data.asText(), StandardCharsets.UTF_8));
            default -> throw DomainException.invalid("datatype " + datatype
                    + " is not supported: use FP32, FP64, INT32, INT64, BOOL, UINT8 or BYTES");
        }
    }

    private static double number(JsonNode value) {
        if (value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw DomainException.invalid("tensor data holds " + value + " where a number belongs");
        }
        return value.asDouble();
    }
}
