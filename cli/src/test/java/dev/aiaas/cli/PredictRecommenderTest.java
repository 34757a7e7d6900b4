package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiaas predict} against a recommender of the serving stand-in ({@code routes}, which
 * knows the users ORD and DEN): what is sent, what is printed, and the exit code.
 */
class PredictRecommenderTest {

    @TempDir
    Path home;

    private final InferenceStandIn inference = new InferenceStandIn();
    private StandInStack stack;

    @BeforeEach
    void start() throws IOException {
        stack = new StandInStack(home, inference);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void eachUserGetsTheRecommendersItemsBestFirstWithTheirScores() {
        int exit = stack.run("predict", "routes", "--user", "ORD", "--user", "DEN", "--k", "2");

        assertThat(exit).as(stack.err()).isZero();
        ModelInferRequest sent = inference.lastRequest();
        assertThat(sent.getInputsCount()).isEqualTo(1);
        assertThat(sent.getInputs(0).getName()).isEqualTo("user_id");
        assertThat(sent.getInputs(0).getDatatype()).isEqualTo("BYTES");
        assertThat(sent.getInputs(0).getShapeList()).containsExactly(2L);
        assertThat(sent.getInputs(0).getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
                .containsExactly("ORD", "DEN");
        assertThat(sent.getParametersMap().get("k").getInt64Param()).isEqualTo(2);
        assertThat(sent.getParametersMap()).as("the server's default: training's items left out")
                .doesNotContainKey("exclude_seen");
        assertThat(stack.out().lines()).containsExactly(
                "USER  RANK  ITEM  SCORE",
                "ORD   1     DEN   4.2500",
                "ORD   2     LGA   3.5000",
                "DEN   1     ORD   5.0000",
                "DEN   2     SLC   2.1250");
    }

    @Test
    void includeSeenAsksForTrainingsItemsTooAndJsonIsTheServersAnswer() throws Exception {
        int exit = stack.run("predict", "routes", "--user", "ORD", "--user", "DEN", "--include-seen", "--output",
                "json");

        assertThat(exit).as(stack.err()).isZero();
        ModelInferRequest sent = inference.lastRequest();
        assertThat(sent.getParametersMap().get("exclude_seen").getBoolParam()).isFalse();
        assertThat(sent.getParametersMap()).as("k left to the server").doesNotContainKey("k");
        ModelInferResponse.Builder printed = ModelInferResponse.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.getModelName()).isEqualTo("routes");
        assertThat(printed.getOutputsList()).extracting(o -> o.getName() + " " + o.getDatatype() + " " + o.getShapeList())
                .containsExactly("items BYTES [2, 2]", "scores FP32 [2, 2]");
    }

    @Test
    void theUsersOfAFileAreItsUserIdColumn() throws IOException {
        Path csv = home.resolve("hubs.csv");
        Files.writeString(csv, "user_id,note\nORD,busy\nDEN,\n");

        int exit = stack.run("predict", "routes", "--csv", csv.toString());

        assertThat(exit).as(stack.err()).isZero();
        assertThat(inference.lastRequest().getInputs(0).getContents().getBytesContentsList())
                .extracting(ByteString::toStringUtf8).containsExactly("ORD", "DEN");
        assertThat(stack.out().lines()).hasSize(5).element(3).isEqualTo("DEN   1     ORD   5.0000");
    }

    @Test
    void aUserTheModelNeverSawIsNotFoundWithExitCode3() {
        int exit = stack.run("predict", "routes", "--user", "ORD", "--user", "JFK");

        assertThat(exit).isEqualTo(3);
        assertThat(stack.err()).startsWith("aiaas: NOT_FOUND: user 'JFK' is not one of the 2 users")
                .contains("recommendations need a user seen in training");
        assertThat(stack.out()).isEmpty();
    }

    @Test
    void aKTheServerRefusesIsExitCode6WithItsReason() {
        int exit = stack.run("predict", "routes", "--user", "ORD", "--k", "5000");

        assertThat(exit).isEqualTo(6);
        assertThat(stack.err())
                .startsWith("aiaas: INVALID_ARGUMENT: parameter 'k' is 5000; ask for 1 to 1000 items");
    }

    @Test
    void usersGoOnlyToARecommenderAndAreRefusedBeforeAnyInference() {
        int exit = stack.run("predict", "penguins", "--user", "ORD");
        int withK = stack.run("predict", "penguins", "--csv", home.resolve("any.csv").toString(), "--k", "3");

        assertThat(exit).isEqualTo(2);
        assertThat(withK).isEqualTo(2);
        assertThat(stack.err()).contains("--user, --k and --include-seen ask a recommender (a model that takes "
                + "user_id); endpoint penguins takes [island, beak_length_mm]: "
                + "send its rows with --csv, --jsonl or --body");
        assertThat(inference.lastRequest()).isNull();
    }
}
