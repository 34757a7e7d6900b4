package dev.aiaas.serving.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferRequest.InferRequestedOutputTensor;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * Reads the protocol's REST inference body into its gRPC message as the bytes stream by, so
 * that both edges share one decoder. No JSON tree is built: tensor data goes straight into
 * a bounded buffer ({@link TensorData}), so a body can never take more memory than the
 * request's element and byte limits allow. Malformed JSON, {@code NaN}/{@code Infinity}
 * literals, nesting deeper than {@value #MAX_DEPTH} and values of the wrong type are
 * INVALID_ARGUMENT with what to fix; unknown fields and parameters are passed over.
 */
public final class RestRequestReader {

    static final int MAX_DEPTH = 32;

    private final JsonFactory json;
    private final RequestLimits limits;

    public RestRequestReader(RequestLimits limits) {
        this.limits = limits;
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(limits.maxBytes()).maxNumberLength(64).build())
                .build();
    }

    public ModelInferRequest read(byte[] body, String model, String version) {
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(model)
                .setModelVersion(version == null ? "" : version);
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the body must be a JSON object with an "
                    + "\"inputs\" array of {name, shape, datatype, data}");
            TensorData.Budget budget = new TensorData.Budget(limits);
            readObject(parser, (field, p) -> readTop(field, p, request, budget));
            expect(parser.nextToken() == null, "the body holds more than one JSON value");
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().split(": enable|\\n")[0];
            var at = e.getLocation();
            throw DomainException.invalid("the body is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + reason + " (NaN and Infinity are not JSON numbers; "
                    + "send null for a missing value)");
        } catch (IOException e) {
            throw DomainException.invalid("the body could not be read: " + e.getMessage());
        }
        expect(request.getInputsCount() > 0, "the body needs an \"inputs\" array of {name, shape, datatype, data}");
        return request.build();
    }

    private void readTop(String field, JsonParser parser, ModelInferRequest.Builder request, TensorData.Budget budget)
            throws IOException {
        switch (field) {
            case "id" -> request.setId(text(parser, "id"));
            case "parameters" -> readParameters(parser, request::putParameters);
            case "inputs" -> readArray(parser, "inputs", p -> request.addInputs(readInput(p, budget)));
            case "outputs" -> readArray(parser, "outputs", p -> request.addOutputs(readOutput(p)));
            default -> parser.skipChildren();
        }
    }

    private InferInputTensor readInput(JsonParser parser, TensorData.Budget budget) throws IOException {
        InferInputTensor.Builder input = InferInputTensor.newBuilder();
        TensorData data = new TensorData(budget);
        expect(parser.currentToken() == JsonToken.START_OBJECT, "each input must be an object {name, shape, datatype, data}");
        readObject(parser, (field, p) -> {
            switch (field) {
                case "name" -> input.setName(text(p, "input name"));
                case "datatype" -> input.setDatatype(text(p, "datatype"));
                case "shape" -> readArray(p, "shape", q -> input.addShape(dimension(q)));
                case "parameters" -> readParameters(p, input::putParameters);
                case "data" -> data.read(p);
                default -> p.skipChildren();
            }
        });
        expect(!input.getName().isEmpty(), "an input has no \"name\"");
        expect(!input.getDatatype().isEmpty(), "input '" + input.getName() + "' has no \"datatype\"");
        expect(data.present(), "input '" + input.getName() + "' has no \"data\"");
        return input.setContents(data.contents(input.getName(), input.getDatatype())).build();
    }

    private InferRequestedOutputTensor readOutput(JsonParser parser) throws IOException {
        InferRequestedOutputTensor.Builder output = InferRequestedOutputTensor.newBuilder();
        expect(parser.currentToken() == JsonToken.START_OBJECT, "each requested output must be an object {name}");
        readObject(parser, (field, p) -> {
            switch (field) {
                case "name" -> output.setName(text(p, "output name"));
                case "parameters" -> readParameters(p, output::putParameters);
                default -> p.skipChildren();
            }
        });
        return output.build();
    }

    /** Parameters: string, boolean, integer or number values; objects and arrays are refused. */
    private static void readParameters(JsonParser parser, BiConsumer<String, InferParameter> put) throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, "\"parameters\" must be an object");
        readObject(parser, (name, p) -> put.accept(name, switch (p.currentToken()) {
            case VALUE_STRING -> InferParameter.newBuilder().setStringParam(p.getText()).build();
            case VALUE_TRUE, VALUE_FALSE -> InferParameter.newBuilder().setBoolParam(p.getBooleanValue()).build();
            case VALUE_NUMBER_INT -> InferParameter.newBuilder().setInt64Param(p.getLongValue()).build();
            case VALUE_NUMBER_FLOAT -> InferParameter.newBuilder().setDoubleParam(p.getDoubleValue()).build();
            default -> throw DomainException.invalid("parameter '" + name + "' must be a string, boolean or number");
        }));
    }

    private static long dimension(JsonParser parser) throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT, "shape holds " + parser.getText()
                + " where an integer dimension belongs");
        try {
            return parser.getLongValue();
        } catch (IOException e) {
            throw DomainException.invalid("shape holds " + parser.getText() + ", beyond any real dimension");
        }
    }

    private static String text(JsonParser parser, String what) throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_STRING, what + " must be a string");
        return parser.getText();
    }

    @FunctionalInterface
    interface FieldReader {
        void read(String field, JsonParser parser) throws IOException;
    }

    @FunctionalInterface
    interface ElementReader {
        void read(JsonParser parser) throws IOException;
    }

    /** Calls {@code reader} on each field with the parser on the field's value. */
    private static void readObject(JsonParser parser, FieldReader reader) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            reader.read(field, parser);
        }
    }

    private static void readArray(JsonParser parser, String what, ElementReader reader) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, "\"" + what + "\" must be an array");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            reader.read(parser);
        }
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw DomainException.invalid(message);
        }
    }
}
