package dev.aiaas.cli.serving;

import com.google.protobuf.ByteString;
import dev.aiaas.cli.demo.RawOutputs;
import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.inference.InferParameter;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A recommender over the Open Inference Protocol: its one input {@value #USER_ID} (BYTES
 * [batch], one user id per row), the request parameters {@value #K} (items per user; the
 * server's default is 10) and {@value #EXCLUDE_SEEN} (the server's default, true, leaves out the
 * items a user had in training), and its answer: {@value #ITEMS} (BYTES [batch, k], item ids best
 * first) with their {@value #SCORES} (FP32 [batch, k]). Every row of an answer is equally long:
 * k is cut to what every user of the batch can be given.
 */
public final class Recommendations {

    public static final String USER_ID = "user_id";
    public static final String ITEMS = "items";
    public static final String SCORES = "scores";
    static final String K = "k";
    static final String EXCLUDE_SEEN = "exclude_seen";

    /** One item recommended to one user: its place (1 is the best) and the model's score. */
    public record Recommendation(String user, int rank, String item, double score) {
    }

    private Recommendations() {
    }

    /** Whether the endpoint's metadata is a recommender's: input {@value #USER_ID}, outputs items and scores. */
    public static boolean servedBy(ModelMetadataResponse metadata) {
        return metadata.getInputsList().stream().map(TensorMetadata::getName).anyMatch(USER_ID::equals)
                && metadata.getOutputsList().stream().map(TensorMetadata::getName).toList()
                        .containsAll(List.of(ITEMS, SCORES));
    }

    /**
     * A request for the best {@code k} items of each of {@code users}.
     *
     * @param k           items per user; null for the server's default (10)
     * @param includeSeen whether items a user had in training may be recommended too
     */
    public static ModelInferRequest request(String endpoint, List<String> users, Integer k, boolean includeSeen) {
        InferTensorContents.Builder ids = InferTensorContents.newBuilder();
        users.forEach(user -> ids.addBytesContents(ByteString.copyFromUtf8(user)));
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(endpoint)
                .addInputs(InferInputTensor.newBuilder().setName(USER_ID).setDatatype("BYTES").addShape(users.size())
                        .setContents(ids));
        parameters(request, k, includeSeen);
        return request.build();
    }

    /** Sets {@value #K} when given and {@value #EXCLUDE_SEEN} to false when seen items are wanted; else keeps the request's. */
    static void parameters(ModelInferRequest.Builder request, Integer k, boolean includeSeen) {
        if (k != null) {
            request.putParameters(K, InferParameter.newBuilder().setInt64Param(k).build());
        }
        if (includeSeen) {
            request.putParameters(EXCLUDE_SEEN, InferParameter.newBuilder().setBoolParam(false).build());
        }
    }

    /**
     * The user ids a request sends, row by row: BYTES from its contents or raw contents, INT64 as
     * decimal text; empty when it has no {@value #USER_ID} input.
     */
    static List<String> users(ModelInferRequest request) {
        for (int i = 0; i < request.getInputsCount(); i++) {
            InferInputTensor input = request.getInputs(i);
            if (!input.getName().equals(USER_ID)) {
                continue;
            }
            if (request.getRawInputContentsCount() > i) {
                return input.getDatatype().equals("BYTES") ? rawTexts(request.getRawInputContents(i)) : List.of();
            }
            if (input.getDatatype().equals("INT64")) {
                return input.getContents().getInt64ContentsList().stream().map(String::valueOf).toList();
            }
            return input.getContents().getBytesContentsList().stream().map(ByteString::toStringUtf8).toList();
        }
        return List.of();
    }

    /**
     * What the recommender answered, user by user, best item first; a row whose user the request
     * did not say is named by its number ({@code row 3}).
     */
    public static List<Recommendation> read(ModelInferResponse response, List<String> users) {
        List<String> items = RawOutputs.texts(response, ITEMS);
        float[] scores = RawOutputs.floats(response, SCORES);
        InferOutputTensor output = response.getOutputsList().stream().filter(o -> o.getName().equals(ITEMS))
                .findFirst().orElseThrow();
        int rows = output.getShapeCount() > 0 ? (int) output.getShape(0) : users.size();
        int k = output.getShapeCount() > 1 ? (int) output.getShape(1) : rows == 0 ? 0 : items.size() / rows;
        if (items.size() != rows * k || scores.length != items.size()) {
            throw new IllegalStateException("the recommender answered " + items.size() + " items and " + scores.length
                    + " scores for " + rows + " users of " + k + " items each");
        }
        List<Recommendation> recommendations = new ArrayList<>(items.size());
        for (int row = 0; row < rows; row++) {
            String user = row < users.size() ? users.get(row) : "row " + (row + 1);
            for (int rank = 0; rank < k; rank++) {
                int at = row * k + rank;
                recommendations.add(new Recommendation(user, rank + 1, items.get(at), scores[at]));
            }
        }
        return recommendations;
    }

    /** The answer as a table, a line per user and item, best first; a user with none left to recommend says so. */
    static String table(List<Recommendation> recommendations, List<String> users) {
        TextTable table = TextTable.of("USER", "RANK", "ITEM", "SCORE");
        for (Recommendation r : recommendations) {
            table.row(r.user(), r.rank(), r.item(), Cells.figure(r.score()));
        }
        if (recommendations.isEmpty()) {
            users.forEach(user -> table.row(user, "-", "(no item left to recommend)", "-"));
        }
        return table.toString();
    }

    /** BYTES raw contents: each element a 4-byte little-endian length, then its UTF-8 bytes. */
    private static List<String> rawTexts(ByteString raw) {
        ByteBuffer bytes = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<String> texts = new ArrayList<>();
        while (bytes.remaining() >= 4) {
            int length = bytes.getInt();
            if (length < 0 || length > bytes.remaining()) {
                return List.of();
            }
            byte[] element = new byte[length];
            bytes.get(element);
            texts.add(new String(element, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
