package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.proto.common.v1.RecordError;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsResponse;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole commands, in-process, against stand-ins of ingest and serving on a real port that the
 * stack.json in the home names: what is sent, what is printed, and the exit code.
 */
class CommandsAgainstAServerTest {

    @TempDir
    Path home;

    private Server server;
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private final InferenceStandIn inference = new InferenceStandIn();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startStandIns() throws Exception {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(new Ingest(), new HeaderRecorder()))
                .addService(ServerInterceptors.intercept(inference, new HeaderRecorder()))
                .build().start();
        writeStackFile(server.getPort());
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aServersNotFoundIsPrintedAsItAnsweredWithExitCode3() {
        int exit = run("datasets", "show", "missing");

        assertThat(exit).isEqualTo(3);
        assertThat(err()).startsWith("aiaas: NOT_FOUND: no dataset named 'missing'");
        assertThat(out()).isEmpty();
    }

    @Test
    void jsonOutputIsTheServicesAnswerAndEveryCallNamesTheProjectAndPresentsTheToken() throws Exception {
        int exit = run("datasets", "list", "--output", "json", "--project", "acme");

        assertThat(exit).isZero();
        ListDatasetsResponse.Builder printed = ListDatasetsResponse.newBuilder();
        JsonFormat.parser().merge(out(), printed);
        assertThat(printed.build()).isEqualTo(Ingest.LIST);
        assertThat(headers).containsEntry("aiaas-project", "acme").containsEntry("authorization", "Bearer t0ken");
    }

    @Test
    void rejectedRecordsEndTheImportWithExitCode7AndTheirReasonsAndNoSeal() throws Exception {
        Path csv = home.resolve("penguins.csv");
        Files.writeString(csv, "species,mass\nAdelie,3750\nGentoo,heavy\n");

        int exit = run("datasets", "import", "penguins", csv.toString(), "--seal");

        assertThat(exit).isEqualTo(7);
        assertThat(out()).contains("accepted:        1").contains("rejected:        1")
                .contains("column mass: 'heavy' is not a number (DOUBLE)");
        assertThat(err()).contains("sent penguins.csv").contains("2 rows")
                .contains("aiaas: 1 of 2 records were rejected").contains("not sealed");
    }

    @Test
    void predictSendsTheColumnsTheModelReadsAndPrintsEachRowsLabelsWithProbabilities() {
        Path csv = home.resolve("new.csv");
        writeQuietly(csv, "species,island,beak_length_mm\nAdelie,Torgersen,39.1\n,\"Biscoe, north\",\n");

        int exit = run("predict", "penguins", "--csv", csv.toString());

        assertThat(exit).as(err()).isZero();
        ModelInferRequest sent = inference.lastRequest();
        assertThat(sent.getInputsList()).extracting(InferInputTensor::getName).containsExactly("island", "beak_length_mm");
        assertThat(sent.getInputs(0).getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
                .containsExactly("Torgersen", "Biscoe, north");
        assertThat(sent.getInputs(1).getDatatype()).isEqualTo("FP64");
        assertThat(sent.getInputs(1).getContents().getFp64ContentsList().get(0)).isEqualTo(39.1);
        assertThat(sent.getInputs(1).getContents().getFp64ContentsList().get(1)).isNaN();
        assertThat(sent.getOutputs(0).getParametersMap().get("classification").getInt64Param()).isEqualTo(3);
        assertThat(out().lines()).containsExactly(
                "ROW  PREDICTED  PROBABILITIES",
                "1    Adelie     Adelie=0.9000 Gentoo=0.0600 Chinstrap=0.0400",
                "2    Gentoo     Gentoo=0.7000 Adelie=0.2000 Chinstrap=0.1000");
    }

    @Test
    void predictSendsEveryWindowOfConsecutiveRowsAsOneExampleOfAWindowedModel() {
        Path csv = home.resolve("days.csv");
        writeQuietly(csv, "date,temp_max,weather\n2015-12-26,4.4,sun\n2015-12-27,5.0,rain\n2015-12-28,5.6,sun\n"
                + "2015-12-29,6.1,sun\n2015-12-30,5.6,sun\n2015-12-31,5.6,sun\n");

        int exit = run("predict", "weather", "--csv", csv.toString());

        assertThat(exit).as(err()).isZero();
        ModelInferRequest sent = inference.lastRequest();
        assertThat(sent.getInputsList()).extracting(InferInputTensor::getName).containsExactly("date", "temp_max");
        assertThat(sent.getInputsList()).allSatisfy(input -> assertThat(input.getShapeList()).containsExactly(2L, 3L));
        assertThat(sent.getInputs(0).getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
                .containsExactly("2015-12-26", "2015-12-27", "2015-12-28", "2015-12-29", "2015-12-30", "2015-12-31");
        assertThat(sent.getInputs(1).getContents().getFp64ContentsList()).containsExactly(4.4, 5.0, 5.6, 6.1, 5.6, 5.6);
        assertThat(sent.getOutputsList()).isEmpty();
        assertThat(out().lines()).containsExactly(
                "ROW  PREDICTED",
                "1-3  6.0000 6.5000",
                "4-6  5.2500 5.0000");
    }

    @Test
    void predictRefusesRowsThatDoNotFillWholeWindowsWithExitCode2() {
        Path csv = home.resolve("days.csv");
        writeQuietly(csv, "date,temp_max\n2015-12-30,5.6\n2015-12-31,5.6\n");

        int exit = run("predict", "weather", "--csv", csv.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("the model takes windows of 3 rows").contains("but 2 rows were read")
                .contains("a multiple of 3");
        assertThat(inference.lastRequest()).isNull();
    }

    @Test
    void predictPrintsAnAnomalyDetectorsScoreAndVerdictPerRow() {
        Path jsonl = home.resolve("readings.jsonl");
        writeQuietly(jsonl, "{\"vibration\": 0.2}\n{\"vibration\": 9.5}\n");

        int exit = run("predict", "pump", "--jsonl", jsonl.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(inference.lastRequest().getInputs(0).getShapeList()).containsExactly(2L);
        assertThat(inference.lastRequest().getOutputsList()).isEmpty();
        assertThat(out().lines()).containsExactly(
                "ROW  SCORE   ANOMALY",
                "1    0.0125  no",
                "2    3.5000  yes");
    }

    @Test
    void predictSendsATextModelsTextColumnsWholeAsBytesFromCsvAndJsonLines() {
        Path csv = home.resolve("mails.csv");
        writeQuietly(csv, "id,subject,body,label\n1,\"Re: lunch, today?\",\"Hi Ann,\nsee you at \"\"the\"\" caf\u00e9.\n\","
                + "ham\n2,,WIN $$$ NOW,spam\n");
        Path jsonl = home.resolve("mails.jsonl");
        writeQuietly(jsonl, "{\"id\": 1, \"subject\": \"Re: lunch, today?\", \"body\": \"Hi Ann,\\nsee you at "
                + "\\\"the\\\" caf\u00e9.\\n\", \"label\": \"ham\"}\n{\"id\": 2, \"subject\": null, \"body\": "
                + "\"WIN $$$ NOW\"}\n");

        for (String[] file : List.of(new String[] {"--csv", csv.toString()}, new String[] {"--jsonl", jsonl.toString()})) {
            inference.forget();
            out.reset();

            int exit = run("predict", "mail", file[0], file[1]);

            assertThat(exit).as(file[0] + ": " + err()).isZero();
            ModelInferRequest sent = inference.lastRequest();
            assertThat(sent.getInputsList()).extracting(InferInputTensor::getName).containsExactly("subject", "body");
            assertThat(sent.getInputsList()).allSatisfy(input -> {
                assertThat(input.getDatatype()).isEqualTo("BYTES");
                assertThat(input.getShapeList()).containsExactly(2L);
            });
            assertThat(sent.getInputs(0).getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
                    .as(file[0]).containsExactly("Re: lunch, today?", "");
            assertThat(sent.getInputs(1).getContents().getBytesContentsList()).extracting(ByteString::toStringUtf8)
                    .as(file[0]).containsExactly("Hi Ann,\nsee you at \"the\" caf\u00e9.\n", "WIN $$$ NOW");
            assertThat(sent.getOutputs(0).getParametersMap().get("classification").getInt64Param()).isEqualTo(2);
            assertThat(out().lines()).as(file[0]).containsExactly(
                    "ROW  PREDICTED  PROBABILITIES",
                    "1    ham        ham=0.9700 spam=0.0300",
                    "2    spam       spam=0.9900 ham=0.0100");
        }
    }

    @Test
    void anUnreachableServiceIsExitCode5WithAHintToStartTheStack() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        writeStackFile(closed);

        int exit = run("datasets", "list");

        assertThat(exit).isEqualTo(5);
        assertThat(err()).startsWith("aiaas: UNAVAILABLE").contains("./aiaas up");
    }

    private int run(String... args) {
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
        String[] withToken = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--token", "t0ken")).toArray(String[]::new);
        return Main.run(withToken, Map.of("AIAAS_HOME", home.toString()), terminal);
    }

    private void writeStackFile(int port) {
        StringBuilder services = new StringBuilder();
        for (String name : List.of("ingest", "preprocess", "training", "registry", "serving", "monitoring")) {
            services.append(services.length() == 0 ? "" : ",").append("{\"name\": \"").append(name)
                    .append("\", \"host\": \"localhost\", \"port\": ").append(port).append('}');
        }
        writeQuietly(home.resolve("stack.json"), "{\"services\": [" + services + "], \"caCertificate\": null}");
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Keeps the headers of the last call. */
    private final class HeaderRecorder implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata metadata,
                ServerCallHandler<Q, A> next) {
            for (String key : List.of("aiaas-project", "authorization")) {
                String value = metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
                if (value != null) {
                    headers.put(key, value);
                }
            }
            return next.startCall(call, metadata);
        }
    }

    private static final class Ingest extends IngestServiceGrpc.IngestServiceImplBase {
        static final ListDatasetsResponse LIST = ListDatasetsResponse.newBuilder()
                .addDatasets(Dataset.newBuilder().setName("penguins").setOpenRows(344)).build();

        @Override
        public void getDataset(GetDatasetRequest request, StreamObserver<Dataset> response) {
            response.onError(Status.NOT_FOUND.withDescription("no dataset named '" + request.getName() + "'")
                    .asRuntimeException());
        }

        @Override
        public void listDatasets(ListDatasetsRequest request, StreamObserver<ListDatasetsResponse> response) {
            response.onNext(LIST);
            response.onCompleted();
        }

        @Override
        public StreamObserver<ImportFileRequest> importFile(StreamObserver<UploadSummary> response) {
            return new StreamObserver<>() {
                @Override
                public void onNext(ImportFileRequest value) {
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    response.onNext(UploadSummary.newBuilder().setDataset("penguins").setAccepted(1).setRejected(1)
                            .addErrors(RecordError.newBuilder().setRow(1)
                                    .setReason("column mass: 'heavy' is not a number (DOUBLE)"))
                            .setOpenRows(1).build());
                    response.onCompleted();
                }
            };
        }
    }
}
