package dev.aiaas.cli;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.proto.inference.ModelMetadataRequest;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A serving stand-in with canned models, each answering its metadata and one fixed inference:
 * {@code weather} (a forecaster over windows of 3 rows, horizon 2), {@code mail} (text),
 * {@code pump} (an anomaly detector), {@code routes} (a recommender of two items for each of the
 * users ORD and DEN); any other name is a penguins classifier. As the serving service does, the
 * recommender refuses a user it does not know (NOT_FOUND) and a k outside 1 to 1,000
 * (INVALID_ARGUMENT). It keeps the last inference request it received.
 */
final class InferenceStandIn extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    private static final String PENGUINS = "penguins";
    private static final Map<String, ModelMetadataResponse> METADATA = Map.of(
            "weather", ModelMetadataResponse.newBuilder().setName("weather")
                    .addInputs(tensor("input", "FP32", -1, 3, 4))
                    .addInputs(tensor("date", "BYTES", -1, 3))
                    .addInputs(tensor("temp_max", "FP64", -1, 3))
                    .addOutputs(tensor("predictions", "FP32", -1, 2)).build(),
            "mail", ModelMetadataResponse.newBuilder().setName("mail")
                    .addInputs(tensor("input", "FP32", -1, 256))
                    .addInputs(tensor("subject", "BYTES", -1))
                    .addInputs(tensor("body", "BYTES", -1))
                    .addOutputs(tensor("probabilities", "FP32", -1, 2)).build(),
            "pump", ModelMetadataResponse.newBuilder().setName("pump")
                    .addInputs(tensor("input", "FP32", -1, 1))
                    .addInputs(tensor("vibration", "FP64", -1))
                    .addOutputs(tensor("anomaly_score", "FP32", -1))
                    .addOutputs(tensor("is_anomaly", "BOOL", -1)).build(),
            "routes", ModelMetadataResponse.newBuilder().setName("routes")
                    .addInputs(tensor("user_id", "BYTES", -1))
                    .addOutputs(tensor("items", "BYTES", -1, -1))
                    .addOutputs(tensor("scores", "FP32", -1, -1)).build(),
            PENGUINS, ModelMetadataResponse.newBuilder()
                    .addInputs(tensor("input", "FP32", -1, 5))
                    .addInputs(tensor("island", "BYTES", -1))
                    .addInputs(tensor("beak_length_mm", "FP64", -1))
                    .addOutputs(tensor("probabilities", "FP32", -1, 3)).build());
    private static final Map<String, ModelInferResponse> ANSWERS = Map.of(
            "weather", ModelInferResponse.newBuilder()
                    .addOutputs(output("predictions", "FP32", InferTensorContents.newBuilder().addFp32Contents(6f)
                            .addFp32Contents(6.5f).addFp32Contents(5.25f).addFp32Contents(5f), 2, 2)).build(),
            "mail", classified(List.of("0.97:0:ham", "0.03:1:spam", "0.99:1:spam", "0.01:0:ham"), 2,
                    List.of("ham", "spam")),
            "pump", ModelInferResponse.newBuilder()
                    .addOutputs(output("anomaly_score", "FP32", InferTensorContents.newBuilder()
                            .addFp32Contents(0.0125f).addFp32Contents(3.5f), 2))
                    .addOutputs(output("is_anomaly", "BOOL", InferTensorContents.newBuilder().addBoolContents(false)
                            .addBoolContents(true), 2)).build(),
            "routes", ModelInferResponse.newBuilder()
                    .addOutputs(output("items", "BYTES", InferTensorContents.newBuilder()
                            .addBytesContents(ByteString.copyFromUtf8("DEN"))
                            .addBytesContents(ByteString.copyFromUtf8("LGA"))
                            .addBytesContents(ByteString.copyFromUtf8("ORD"))
                            .addBytesContents(ByteString.copyFromUtf8("SLC")), 2, 2))
                    .addOutputs(output("scores", "FP32", InferTensorContents.newBuilder().addFp32Contents(4.25f)
                            .addFp32Contents(3.5f).addFp32Contents(5f).addFp32Contents(2.125f), 2, 2)).build(),
            PENGUINS, classified(List.of("0.9:0:Adelie", "0.06:2:Gentoo", "0.04:1:Chinstrap", "0.7:2:Gentoo",
                    "0.2:0:Adelie", "0.1:1:Chinstrap"), 3, List.of("Adelie", "Gentoo")));

    private static final List<String> RECOMMENDER_USERS = List.of("ORD", "DEN");

    private final AtomicReference<ModelInferRequest> last = new AtomicReference<>();

    /** The last inference request received; null when none was. */
    ModelInferRequest lastRequest() {
        return last.get();
    }

    void forget() {
        last.set(null);
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> response) {
        response.onNext(METADATA.getOrDefault(request.getName(), METADATA.get(PENGUINS)).toBuilder()
                .setName(request.getName()).build());
        response.onCompleted();
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> response) {
        last.set(request);
        Status refused = request.getModelName().equals("routes") ? recommenderRefusal(request) : Status.OK;
        if (!refused.isOk()) {
            response.onError(refused.asRuntimeException());
            return;
        }
        response.onNext(ANSWERS.getOrDefault(request.getModelName(), ANSWERS.get(PENGUINS)).toBuilder()
                .setModelName(request.getModelName()).build());
        response.onCompleted();
    }

    /** What the serving service refuses of a recommender request: a k out of range, a user it was not trained on. */
    private static Status recommenderRefusal(ModelInferRequest request) {
        long k = request.getParametersOrDefault("k", InferParameter.newBuilder().setInt64Param(10).build())
                .getInt64Param();
        if (k < 1 || k > 1000) {
            return Status.INVALID_ARGUMENT.withDescription("parameter 'k' is " + k + "; ask for 1 to 1000 items");
        }
        return request.getInputs(0).getContents().getBytesContentsList().stream().map(ByteString::toStringUtf8)
                .filter(user -> !RECOMMENDER_USERS.contains(user)).findFirst()
                .map(user -> Status.NOT_FOUND.withDescription("user '" + user + "' is not one of the 2 users model "
                        + "routes v1 was trained on: recommendations need a user seen in training"))
                .orElse(Status.OK);
    }

    private static TensorMetadata tensor(String name, String datatype, long... shape) {
        TensorMetadata.Builder tensor = TensorMetadata.newBuilder().setName(name).setDatatype(datatype);
        for (long dimension : shape) {
            tensor.addShape(dimension);
        }
        return tensor.build();
    }

    private static InferOutputTensor output(String name, String datatype, InferTensorContents.Builder contents,
                                            long... shape) {
        InferOutputTensor.Builder tensor = InferOutputTensor.newBuilder().setName(name).setDatatype(datatype)
                .setContents(contents);
        for (long dimension : shape) {
            tensor.addShape(dimension);
        }
        return tensor.build();
    }

    /** Two rows' classes as the classification extension answers them, and their predicted labels. */
    private static ModelInferResponse classified(List<String> entries, int k, List<String> labels) {
        InferTensorContents.Builder classes = InferTensorContents.newBuilder();
        entries.forEach(entry -> classes.addBytesContents(ByteString.copyFromUtf8(entry)));
        InferTensorContents.Builder predicted = InferTensorContents.newBuilder();
        labels.forEach(label -> predicted.addBytesContents(ByteString.copyFromUtf8(label)));
        return ModelInferResponse.newBuilder()
                .addOutputs(output("probabilities", "BYTES", classes, 2, k))
                .addOutputs(output("predicted_label", "BYTES", predicted, 2)).build();
    }
}
