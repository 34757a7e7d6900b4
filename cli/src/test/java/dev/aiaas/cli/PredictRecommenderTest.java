package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    private Server server;
    private final InferenceStandIn inference = new InferenceStandIn();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startStandIn() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(inference).build()
                .start();
        StringBuilder services = new StringBuilder();
        for (String name : List.of("ingest", "preprocess", "training", "registry", "serving", "monitoring")) {
            services.append(services.length() == 0 ? "" : ",").append("{\"name\": \"").append(name)
                    .append("\", \"host\": \"localhost\", \"port\": ").append(server.getPort()).append('}');
        }
        Files.writeString(home.resolve("stack.json"), "{\"services\": [" + services + "], \"caCertificate\": null}");
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void eachUserGetsTheRecommendersItemsBestFirstWithTheirScores() {
        int exit = run("predict", "routes", "--user", "ORD", "--user", "DEN", "--k", "2");

        assertThat(exit).as(err()).isZero();
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
        assertThat(out().lines()).containsExactly(
                "USER  RANK  ITEM  SCORE",
                "ORD   1     DEN   4.2500",
                "ORD   2     LGA   3.5000",
                "DEN   1     ORD   5.0000",
                "DEN   2     SLC   2.1250");
    }

    @Test
    void includeSeenAsksForTrainingsItemsTooAndJsonIsTheServersAnswer() throws Exception {
        int exit = run("predict", "routes", "--user", "ORD", "--user", "DEN", "--include-seen", "--output", "json");

        assertThat(exit).as(err()).isZero();
        ModelInferRequest sent = inference.lastRequest();
        assertThat(sent.getParametersMap().get("exclude_seen").getBoolParam()).isFalse();
        assertThat(sent.getParametersMap()).as("k left to the server").doesNotContainKey("k");
        ModelInferResponse.Builder printed = ModelInferResponse.newBuilder();
        JsonFormat.parser().merge(out(), printed);
        assertThat(printed.getModelName()).isEqualTo("routes");
        assertThat(printed.getOutputsList()).extracting(o -> o.getName() + " " + o.getDatatype() + " " + o.getShapeList())
                .containsExactly("items BYTES [2, 2]", "scores FP32 [2, 2]");
    }

    @Test
    void theUsersOfAFileAreItsUserIdColumn() throws IOException {
        Path csv = home.resolve("hubs.csv");
        Files.writeString(csv, "user_id,note\nORD,busy\nDEN,\n");

        int exit = run("predict", "routes", "--csv", csv.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(inference.lastRequest().getInputs(0).getContents().getBytesContentsList())
                .extracting(ByteString::toStringUtf8).containsExactly("ORD", "DEN");
        assertThat(out().lines()).hasSize(5).element(3).isEqualTo("DEN   1     ORD   5.0000");
    }

    @Test
    void aUserTheModelNeverSawIsNotFoundWithExitCode3() {
        int exit = run("predict", "routes", "--user", "ORD", "--user", "JFK");

        assertThat(exit).isEqualTo(3);
        assertThat(err()).startsWith("aiaas: NOT_FOUND: user 'JFK' is not one of the 2 users")
                .contains("recommendations need a user seen in training");
        assertThat(out()).isEmpty();
    }

    @Test
    void aKTheServerRefusesIsExitCode6WithItsReason() {
        int exit = run("predict", "routes", "--user", "ORD", "--k", "5000");

        assertThat(exit).isEqualTo(6);
        assertThat(err()).startsWith("aiaas: INVALID_ARGUMENT: parameter 'k' is 5000; ask for 1 to 1000 items");
    }

    @Test
    void usersGoOnlyToARecommenderAndAreRefusedBeforeAnyInference() {
        int exit = run("predict", "penguins", "--user", "ORD");
        int withK = run("predict", "penguins", "--csv", home.resolve("any.csv").toString(), "--k", "3");

        assertThat(exit).isEqualTo(2);
        assertThat(withK).isEqualTo(2);
        assertThat(err()).contains("--user, --k and --include-seen ask a recommender (a model that takes user_id); "
                + "endpoint penguins takes [island, beak_length_mm]: send its rows with --csv, --jsonl or --body");
        assertThat(inference.lastRequest()).isNull();
    }

    private int run(String... args) {
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
        String[] withToken = Stream.concat(Stream.of(args), Stream.of("--token", "t0ken")).toArray(String[]::new);
        return Main.run(withToken, Map.of("AIAAS_HOME", home.toString()), terminal);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
