package dev.aiaas.cli.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.aiaas.cli.serving.Recommendations.Recommendation;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.inference.ModelInferResponse.InferOutputTensor;
import dev.aiaas.proto.inference.ModelMetadataResponse;
import dev.aiaas.proto.inference.ModelMetadataResponse.TensorMetadata;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationsTest {

    @Test
    void aRecommenderIsAModelThatTakesUserIdsAndAnswersItemsAndScores() {
        ModelMetadataResponse recommender = ModelMetadataResponse.newBuilder()
                .addInputs(TensorMetadata.newBuilder().setName("user_id").setDatatype("BYTES").addShape(-1))
                .addOutputs(TensorMetadata.newBuilder().setName("items").setDatatype("BYTES"))
                .addOutputs(TensorMetadata.newBuilder().setName("scores").setDatatype("FP32")).build();
        ModelMetadataResponse classifier = ModelMetadataResponse.newBuilder()
                .addInputs(TensorMetadata.newBuilder().setName("user_id").setDatatype("BYTES").addShape(-1))
                .addOutputs(TensorMetadata.newBuilder().setName("probabilities").setDatatype("FP32")).build();

        assertThat(Recommendations.servedBy(recommender)).isTrue();
        assertThat(Recommendations.servedBy(classifier)).as("a column named user_id alone is not a recommender")
                .isFalse();
    }

    @Test
    void itemsAndScoresInRawContentsAreReadUserByUserBestFirst() {
        ModelInferResponse answer = ModelInferResponse.newBuilder()
                .addOutputs(InferOutputTensor.newBuilder().setName("items").setDatatype("BYTES").addShape(2).addShape(2))
                .addOutputs(InferOutputTensor.newBuilder().setName("scores").setDatatype("FP32").addShape(2).addShape(2))
                .addRawOutputContents(rawTexts("SFO", "LAX", "ATL", "MCO"))
                .addRawOutputContents(rawFloats(0.875f, 0.5f, 1.25f, -0.25f)).build();

        List<Recommendation> read = Recommendations.read(answer, List.of("SEA", "BOS"));

        assertThat(read).containsExactly(new Recommendation("SEA", 1, "SFO", 0.875),
                new Recommendation("SEA", 2, "LAX", 0.5), new Recommendation("BOS", 1, "ATL", 1.25),
                new Recommendation("BOS", 2, "MCO", -0.25));
    }

    @Test
    void usersWithNoItemLeftSayItInTheTable() {
        ModelInferResponse answer = ModelInferResponse.newBuilder()
                .addOutputs(InferOutputTensor.newBuilder().setName("items").setDatatype("BYTES").addShape(1).addShape(0))
                .addOutputs(InferOutputTensor.newBuilder().setName("scores").setDatatype("FP32").addShape(1).addShape(0))
                .build();

        String table = Recommendations.table(Recommendations.read(answer, List.of("SEA")), List.of("SEA"));

        assertThat(table.lines()).containsExactly("USER  RANK  ITEM                         SCORE",
                "SEA   -     (no item left to recommend)  -");
    }

    @Test
    void theUsersOfABodyAreReadFromItsContentsRawBytesOrIntegerIds() {
        ModelInferRequest byText = Recommendations.request("routes", List.of("ORD", "DEN"), 3, true);
        ModelInferRequest raw = ModelInferRequest.newBuilder()
                .addInputs(InferInputTensor.newBuilder().setName("user_id").setDatatype("BYTES").addShape(2))
                .addRawInputContents(rawTexts("ORD", "DEN")).build();
        ModelInferRequest numbers = ModelInferRequest.newBuilder()
                .addInputs(InferInputTensor.newBuilder().setName("user_id").setDatatype("INT64").addShape(2)
                        .setContents(InferTensorContents.newBuilder().addInt64Contents(17).addInt64Contents(4)))
                .build();

        assertThat(Recommendations.users(byText)).containsExactly("ORD", "DEN");
        assertThat(Recommendations.users(raw)).containsExactly("ORD", "DEN");
        assertThat(Recommendations.users(numbers)).containsExactly("17", "4");
        assertThat(byText.getParametersMap().get("k").getInt64Param()).isEqualTo(3);
        assertThat(byText.getParametersMap().get("exclude_seen").getBoolParam()).isFalse();
    }

    private static ByteString rawTexts(String... texts) {
        ByteBuffer bytes = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes.putInt(utf8.length).put(utf8);
        }
        bytes.flip();
        return ByteString.copyFrom(bytes);
    }

    private static ByteString rawFloats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return ByteString.copyFrom(bytes.array());
    }
}
