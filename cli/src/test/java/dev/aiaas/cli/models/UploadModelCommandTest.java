package dev.aiaas.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.Main;
import dev.aiaas.cli.Terminal;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.ModelFormat;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.registry.v1.UploadHeader;
import dev.aiaas.proto.registry.v1.UploadModelVersionRequest;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiaas models upload} in-process against a stand-in of the registry on a real port that
 * the home's stack.json names: the header and bytes it receives, what is printed, the exit code.
 */
class UploadModelCommandTest {

    @TempDir
    Path home;

    private Server server;
    private final Registry registry = new Registry();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startStandIn() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(registry).build()
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
    void theHeaderCarriesTheParsedSignatureTheFormatFromTheExtensionTheSizeAndTheFilesSha256() throws Exception {
        byte[] model = randomBytes(300_000);
        Path file = write("iris.pt", model);

        int exit = run("models", "upload", "iris", "--file", file.toString(), "--input", "features:fp32:-1,4",
                "--output-tensor", "logits:FP32:-1x3", "--output-tensor", "label:INT64:-1", "--task", "classification",
                "--description", "trained in a notebook", "--tag", "source=notebook", "--output", "json");

        assertThat(exit).as(err()).isZero();
        UploadHeader header = registry.header;
        assertThat(header.getModelName()).isEqualTo("iris");
        assertThat(header.getFormat()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(header.getSignature().getInputsList()).containsExactly(tensor("features", "FP32", -1, 4));
        assertThat(header.getSignature().getOutputsList())
                .containsExactly(tensor("logits", "FP32", -1, 3), tensor("label", "INT64", -1));
        assertThat(header.getSignature().getTask()).isEqualTo(Task.CLASSIFICATION);
        assertThat(header.getSizeBytes()).isEqualTo(model.length);
        assertThat(header.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(model)));
        assertThat(header.getDescription()).isEqualTo("trained in a notebook");
        assertThat(header.getTagsMap()).containsExactly(Map.entry("source", "notebook"));
        ModelVersion.Builder printed = ModelVersion.newBuilder();
        JsonFormat.parser().merge(out(), printed);
        assertThat(printed.getVersion()).isEqualTo(3);
        assertThat(printed.getSignature()).isEqualTo(header.getSignature());
        assertThat(err()).contains("sha256 " + header.getSha256()).contains("sent iris.pt");
    }

    @Test
    void aFileOfSeveralMebibytesGoesInChunksOfAtMostOneMebibyteThatReassembleToIt() throws Exception {
        byte[] model = randomBytes(3 * (1 << 20) + 12_345);
        Path file = write("big.onnx", model);

        int exit = run("models", "upload", "big", "--file", file.toString(), "--input", "x:FP32:-1,8",
                "--output-tensor", "y:FP32:-1,1");

        assertThat(exit).as(err()).isZero();
        assertThat(registry.header.getFormat()).isEqualTo(ModelFormat.ONNX);
        assertThat(registry.chunkSizes).hasSize(4).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1 << 20));
        assertThat(registry.received.toByteArray()).isEqualTo(model);
        assertThat(out()).contains("model:").contains("big").contains("v3").contains("ONNX")
                .contains("input   x     FP32      -1,8").contains("output  y     FP32      -1,1");
    }

    @Test
    void aBadInputValueIsAUsageErrorNamingItBeforeAnyCall() throws Exception {
        Path file = write("iris.pt", randomBytes(10));

        int badType = run("models", "upload", "iris", "--file", file.toString(), "--input", "features:FP16:-1,4",
                "--output-tensor", "y:FP32:-1");
        int badShape = run("models", "upload", "iris", "--file", file.toString(), "--input", "features:FP32:-1,0",
                "--output-tensor", "y:FP32:-1");
        int noShape = run("models", "upload", "iris", "--file", file.toString(), "--input", "features:FP32",
                "--output-tensor", "y:FP32:-1");

        assertThat(List.of(badType, badShape, noShape)).containsOnly(2);
        assertThat(err()).contains("option '--input'").contains("'features:FP16:-1,4'").contains("FP32, FP64, INT32, INT64")
                .contains("'features:FP32:-1,0'").contains("-1 for a free one")
                .contains("'features:FP32'").contains("NAME:DATATYPE:SHAPE");
        assertThat(registry.calls).hasValue(0);
    }

    @Test
    void aFileWhoseFormatTheNameDoesNotTellIsAUsageErrorUnlessFormatIsGiven() throws Exception {
        Path file = write("model.bin", randomBytes(1000));

        int unknown = run("models", "upload", "m", "--file", file.toString(), "--input", "x:FP32:-1",
                "--output-tensor", "y:FP32:-1");

        assertThat(unknown).isEqualTo(2);
        assertThat(err()).contains("pass --format torchscript or onnx");
        assertThat(registry.calls).hasValue(0);

        int given = run("models", "upload", "m", "--file", file.toString(), "--format", "onnx", "--input", "x:FP32:-1",
                "--output-tensor", "y:FP32:-1");

        assertThat(given).as(err()).isZero();
        assertThat(registry.header.getFormat()).isEqualTo(ModelFormat.ONNX);
    }

    @Test
    void bytesTheRegistryFindsDamagedAreDataLossExitCode1WithItsMessage() throws Exception {
        registry.failAtEnd = Status.DATA_LOSS.withDescription("received 2000 bytes with sha256 0a1b… but the header "
                + "said 9f8e…: nothing was registered; upload the file again");
        Path file = write("iris.pt", randomBytes(2000));

        int exit = run("models", "upload", "iris", "--file", file.toString(), "--input", "x:FP32:-1,4",
                "--output-tensor", "y:FP32:-1,3");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("aiaas: DATA_LOSS: received 2000 bytes with sha256 0a1b… but the header said 9f8e…: "
                + "nothing was registered; upload the file again");
        assertThat(out()).isEmpty();
    }

    @Test
    void aHeaderTheRegistryRefusesEndsTheUploadWithExitCode6() throws Exception {
        registry.failOnHeader = Status.INVALID_ARGUMENT.withDescription("the file is 3157057 bytes and this registry "
                + "takes at most 1048576 (registry.upload.max-bytes)");
        Path file = write("big.pt", randomBytes(3 * (1 << 20) + 1));

        int exit = run("models", "upload", "big", "--file", file.toString(), "--input", "x:FP32:-1",
                "--output-tensor", "y:FP32:-1");

        assertThat(exit).isEqualTo(6);
        assertThat(err()).contains("aiaas: INVALID_ARGUMENT: the file is 3157057 bytes");
    }

    @Test
    void anAliasIsPointedAtTheUploadedVersion() throws Exception {
        Path file = write("iris.pt", randomBytes(5000));

        int exit = run("models", "upload", "iris", "--file", file.toString(), "--input", "x:FP32:-1,4",
                "--output-tensor", "y:FP32:-1,3", "--alias", "champion");

        assertThat(exit).as(err()).isZero();
        assertThat(registry.aliasSet).isEqualTo(SetAliasRequest.newBuilder().setModelName("iris").setAlias("champion")
                .setVersion(3).build());
        assertThat(out()).contains("iris@champion -> v3 (was v2)");
    }

    private int run(String... args) {
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false);
        String[] withToken = Stream.concat(Stream.of(args), Stream.of("--token", "t0ken")).toArray(String[]::new);
        return Main.run(withToken, Map.of("AIAAS_HOME", home.toString()), terminal);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(home.resolve(name), bytes);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static TensorSpec tensor(String name, String datatype, long... shape) {
        TensorSpec.Builder tensor = TensorSpec.newBuilder().setName(name).setDatatype(datatype);
        for (long dimension : shape) {
            tensor.addShape(dimension);
        }
        return tensor.build();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Keeps the last upload's header and bytes; answers it as version 3, or with the failure set. */
    private static final class Registry extends RegistryServiceGrpc.RegistryServiceImplBase {
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> chunkSizes = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile UploadHeader header;
        volatile Status failOnHeader;
        volatile Status failAtEnd;
        volatile SetAliasRequest aliasSet;

        @Override
        public StreamObserver<UploadModelVersionRequest> uploadModelVersion(StreamObserver<ModelVersion> response) {
            calls.incrementAndGet();
            chunkSizes.clear();
            received.reset();
            return new StreamObserver<>() {
                private boolean ended;

                @Override
                public void onNext(UploadModelVersionRequest message) {
                    if (ended) {
                        return;
                    }
                    if (message.hasHeader()) {
                        header = message.getHeader();
                        if (failOnHeader != null) {
                            ended = true;
                            response.onError(failOnHeader.asRuntimeException());
                        }
                        return;
                    }
                    chunkSizes.add(message.getChunk().size());
                    received.writeBytes(message.getChunk().toByteArray());
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    if (ended) {
                        return;
                    }
                    if (failAtEnd != null) {
                        response.onError(failAtEnd.asRuntimeException());
                        return;
                    }
                    response.onNext(ModelVersion.newBuilder().setModelName(header.getModelName()).setVersion(3)
                            .setFamily(header.getFormat().name()).setDescription(header.getDescription())
                            .putAllTags(header.getTagsMap()).setSignature(header.getSignature())
                            .addArtifacts(ArtifactRef.newBuilder().setRole("model").setKey("models/x/3/model")
                                    .setSha256(header.getSha256()).setSizeBytes(header.getSizeBytes()))
                            .build());
                    response.onCompleted();
                }
            };
        }

        @Override
        public void setAlias(SetAliasRequest request, StreamObserver<Alias> response) {
            aliasSet = request;
            response.onNext(Alias.newBuilder().setModelName(request.getModelName()).setAlias(request.getAlias())
                    .setVersion(request.getVersion()).setPreviousVersion(2).build());
            response.onCompleted();
        }
    }
}
