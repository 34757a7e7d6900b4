package dev.aiaas.cli.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An Open Inference Protocol REST request body ({@code {"inputs": [{name, shape, datatype,
 * data}], "outputs": [...], "parameters": {...}}}) converted to the protocol's gRPC request, field
 * for field: {@code data} (flat or nested, row-major) goes to the contents of its datatype.
 */
final class OipJsonBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OipJsonBody() {
    }

    /** The body in {@code file} as a request to {@code endpoint}. */
    static ModelInferRequest.Builder read(Path file, String endpoint) throws IOException {
        JsonNode body = JSON.readTree(Files.readString(file));
        if (body == null || !body.path("inputs").isArray() || body.path("inputs").isEmpty()) {
            throw CommandFailure.usage(file + " is not an Open Inference Protocol request: it needs an \"inputs\" array "
                    + "of {name, shape, datatype, data}");
        }
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(endpoint)
                .setId(body.path("id").asText(""));
        parameters(body.path("parameters"), request::putParameters);
        for (JsonNode input : body.path("inputs")) {
            request.addInputs(input(input));
        }
        for (JsonNode output : body.path("outputs")) {
            InferRequestedOutputTensor.Builder wanted = InferRequestedOutputTensor.newBuilder()
                    .setName(output.path("name").asText());
            parameters(output.path("parameters"), wanted::putParameters);
            request.addOutputs(wanted);
        }
        return request;
    }

    private static InferInputTensor input(JsonNode input) {
        String name = input.path("name").asText();
        String datatype = input.path("datatype").asText();
        InferInputTensor.Builder tensor = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
        input.path("shape").forEach(dim -> tensor.addShape(dim.asLong()));
        parameters(input.path("parameters"), tensor::putParameters);
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        add(input.path("data"), datatype, name, contents);
        return tensor.setContents(contents).build();
    }

    private static void add(JsonNode data, String datatype, String name, InferTensorContents.Builder contents) {
        if (data.isArray()) {
            data.forEach(element -> add(element, datatype, name, contents));
            return;
        }
        if (data.isMissingNode()) {
            throw CommandFailure.usage("input '" + name + "' has no data");
        }
        switch (datatype) {
            case "BYTES" -> contents.addBytesContents(ByteString.copyFromUtf8(data.asText()));
            case "BOOL" -> contents.addBoolContents(data.asBoolean());
            case "FP32" -> contents.addFp32Contents(data.isNull() ? Float.NaN : (float) data.asDouble());
            case "FP64" -> contents.addFp64Contents(data.isNull() ? Double.NaN : data.asDouble());
            case "INT8", "INT16", "INT32" -> contents.addIntContents(data.asInt());
            case "INT64" -> contents.addInt64Contents(data.asLong());
            case "UINT8", "UINT16", "UINT32" -> contents.addUintContents(data.asInt());
            case "UINT64" -> contents.addUint64Contents(data.asLong());
            default -> throw CommandFailure.usage("input '" + name + "' has datatype '" + datatype
                    + "', not one of the protocol's (BOOL, INT8…INT64, UINT8…UINT64, FP32, FP64, BYTES)");
        }
    }

    private static void parameters(JsonNode parameters, BiConsumer<String, InferParameter> put) {
        for (Map.Entry<String, JsonNode> field : parameters.properties()) {
            JsonNode value = field.getValue();
            InferParameter.Builder parameter = InferParameter.newBuilder();
            if (value.isBoolean()) {
                parameter.setBoolParam(value.asBoolean());
            } else if (value.isIntegralNumber()) {
                parameter.setInt64Param(value.asLong());
            } else if (value.isNumber()) {
                parameter.setDoubleParam(value.asDouble());
            } else {
                parameter.setStringParam(value.asText());
            }
            put.accept(field.getKey(), parameter.build());
        }
    }
}
