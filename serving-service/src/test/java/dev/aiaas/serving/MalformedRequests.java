package dev.aiaas.serving;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import java.util.List;
import java.util.Random;

/**
 * Generates requests that are wrong in one of many ways — shapes, datatypes, sizes, raw
 * bytes, names, values, JSON — for an endpoint serving the Iris MLP (model-ready input
 * [batch, 4], raw numeric columns). Every request generated is malformed: none can be
 * answered with a prediction.
 */
final class MalformedRequests {

    private static final List<String> BAD_DATATYPES = List.of("FP16", "BF16", "UINT16", "UINT64", "STRING", "",
            "fp32", "FLOAT", "INT128", "\u0000", "BYTES ");
    private static final int GRPC_KINDS = 17;
    private static final int REST_KINDS = 20;

    private final Random random;
    private final String model;

    MalformedRequests(long seed, String model) {
        this.random = new Random(seed);
        this.model = model;
    }

    ModelInferRequest grpc() {
        int rows = 1 + random.nextInt(8);
        return switch (random.nextInt(GRPC_KINDS)) {
            case 0 -> base().build();
            case 1 -> base().addInputs(prepared(rows, 4).setShape(random.nextInt(2), -random.nextInt(3))).build();
            case 2 -> base().addInputs(tensor("input", "FP32", 268_435_455L).setContents(floats(1))).build();
            case 3 -> base().addInputs(tensor("input", "FP32", 1L << 40, 1L << 40, 4)).build();
            case 4 -> base().addInputs(tensor("input", "FP32", 4097 + random.nextInt(100_000), 4)).build();
            case 5 -> {
                int width = otherThan(4, 1 + random.nextInt(12));
                yield base().addInputs(tensor("input", "FP32", rows, width).setContents(floats(rows * width))).build();
            }
            case 6 -> base().addInputs(tensor("input", "FP32", rows, 4)
                    .setContents(floats(otherThan(rows * 4, random.nextInt(64))))).build();
            case 7 -> base().addInputs(tensor("input", pick(BAD_DATATYPES), rows, 4).setContents(floats(rows * 4))).build();
            case 8 -> base().addInputs(tensor("input", "BYTES", rows, 4)).build();
            case 9 -> base().addInputs(tensor("input", "FP32", rows, 4))
                    .addRawInputContents(bytes(otherThan(rows * 16, random.nextInt(rows * 32 + 2)))).build();
            case 10 -> base().addInputs(tensor("input", "FP32", rows, 4))
                    .addRawInputContents(bytes(rows * 16)).addRawInputContents(bytes(4)).build();
            case 11 -> base().addInputs(tensor(word(), "FP32", rows).setContents(floats(rows))).build();
            case 12 -> valid(rows).addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                    .setName(word())).build();
            case 13 -> valid(rows).addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder()
                    .setName("probabilities").putParameters("classification", badTopK())).build();
            case 14 -> base().addInputs(tensor("input", "FP32", 1, 4).setContents(InferTensorContents.newBuilder()
                    .addFp32Contents(1).addFp32Contents(pick(List.of(Float.NaN, Float.POSITIVE_INFINITY,
                            Float.NEGATIVE_INFINITY))).addFp32Contents(1).addFp32Contents(1))).build();
            case 15 -> base().addInputs(tensor("sepal_length", "FP64", rows).setContents(doubles(rows)))
                    .addInputs(tensor("sepal_width", "FP64", rows + 1).setContents(doubles(rows + 1))).build();
            default -> base().addInputs(tensor("petal_width", pick(List.of("BYTES", "UINT8")), rows, 28, 28))
                    .addRawInputContents(bytes(random.nextInt(200))).build();
        };
    }

    /** A REST body that is wrong: not JSON, or JSON that breaks the protocol. */
    String rest() {
        int rows = 1 + random.nextInt(8);
        String valid = validJson(rows);
        return switch (random.nextInt(REST_KINDS)) {
            case 0 -> garbage();
            case 1 -> valid.substring(0, random.nextInt(valid.length() - 1));
            case 2 -> valid.replaceFirst("\\[1\\.5", "[" + pick(List.of("NaN", "Infinity", "-Infinity", "nan")));
            case 3 -> input("FP32", "[" + rows + ", 4]", "[".repeat(33 + random.nextInt(2000)) + "1"
                    + "]".repeat(random.nextInt(5)));
            case 4 -> input("FP32", "[1, 4]", "[1, \"two\", 3, 4]");
            case 5 -> input("FP32", "[1, 4]", "[1, {\"x\": 2}, 3, 4]");
            case 6 -> input(pick(BAD_DATATYPES), "[" + rows + ", 4]", numbers(rows * 4));
            case 7 -> "{\"inputs\":[{\"name\":\"a\",\"shape\":[268435455],\"datatype\":\"FP32\",\"data\":[1]}]}";
            case 8 -> input("FP32", "[9223372036854775807, 2]", "[1, 2]");
            case 9 -> input("FP32", "[" + rows + ", " + (random.nextBoolean() ? 0 : -4) + "]", numbers(rows * 4));
            case 10 -> pick(List.of("", "null", "[]", "{}", "{\"inputs\": {}}", "{\"inputs\": 5}", "\"text\"",
                    "{\"inputs\": []}"));
            case 11 -> valid.replace("\"input\"", "\"" + word() + "\"");
            case 12 -> valid.replace("}]}", "}], \"outputs\": [{\"name\": \"" + word() + "\"}]}");
            case 13 -> input("FP32", "[\"1\", \"4\"]", numbers(4));
            case 14 -> valid.replace("{\"inputs\"", "{\"parameters\": [1, 2], \"inputs\"");
            case 15 -> input("FP32", "[2, 4]", "[1, 2, 3, 4, \"a\", \"b\", \"c\", \"d\"]");
            case 16 -> valid + " " + valid;
            case 17 -> input("FP32", "[" + rows + ", 4]", numbers(otherThan(rows * 4, random.nextInt(40))));
            case 18 -> input("INT32", "[1, 4]", "[1.5, 2, 3, 4]");
            default -> input("FP32", "[1.5, 4]", numbers(4));
        };
    }

    private String validJson(int rows) {
        return "{\"inputs\": [{\"name\": \"input\", \"shape\": [" + rows + ", 4], \"datatype\": \"FP32\", \"data\": [1.5"
                + ", 0".repeat(rows * 4 - 1) + "]}]}";
    }

    private static String input(String datatype, String shape, String data) {
        return "{\"inputs\": [{\"name\": \"input\", \"shape\": " + shape + ", \"datatype\": \"" + datatype
                + "\", \"data\": " + data + "}]}";
    }

    private ModelInferRequest.Builder base() {
        return ModelInferRequest.newBuilder().setModelName(model);
    }

    private ModelInferRequest.Builder valid(int rows) {
        return base().addInputs(prepared(rows, 4).setContents(floats(rows * 4)));
    }

    private static InferInputTensor.Builder prepared(int rows, int width) {
        return tensor("input", "FP32", rows, width);
    }

    private static InferInputTensor.Builder tensor(String name, String datatype, long... shape) {
        InferInputTensor.Builder tensor = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
        for (long dim : shape) {
            tensor.addShape(dim);
        }
        return tensor;
    }

    private InferTensorContents.Builder floats(int count) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (int i = 0; i < count; i++) {
            contents.addFp32Contents(random.nextFloat());
        }
        return contents;
    }

    private InferTensorContents.Builder doubles(int count) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (int i = 0; i < count; i++) {
            contents.addFp64Contents(random.nextDouble());
        }
        return contents;
    }

    private ByteString bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }

    private InferParameter badTopK() {
        return switch (random.nextInt(4)) {
            case 0 -> InferParameter.newBuilder().setInt64Param(0).build();
            case 1 -> InferParameter.newBuilder().setInt64Param(4 + random.nextInt(100)).build();
            case 2 -> InferParameter.newBuilder().setInt64Param(-1 - random.nextInt(100)).build();
            default -> InferParameter.newBuilder().setStringParam("two").build();
        };
    }

    private String numbers(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ", ").append(random.nextInt(10));
        }
        return json.append(']').toString();
    }

    private String garbage() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (32 + random.nextInt(95)));
        }
        return "<" + text; // never a JSON object
    }

    private String word() {
        return "col_" + Integer.toString(random.nextInt(1 << 20), 36);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static int otherThan(int excluded, int value) {
        return value == excluded ? value + 1 : value;
    }
}
