package dev.aiaas.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
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
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final Registry registry = new Registry();
    private StandInStack stack;

    @BeforeEach
    void start() throws IOException {
        stack = new StandInStack(home, registry);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void theHeaderCarriesTheParsedSignatureTheFormatFromTheExtensionTheSizeAndTheFilesSha256() throws Exception {
        byte[] model = randomBytes(300_000);
        Path file = write("iris.pt", model);

        int exit = stack.run("models", "upload", "iris", "--file", file.toString(), "--input", "features:fp32:-1,4",
                "--output-tensor", "logits:FP32:-1x3", "--output-tensor", "label:INT64:-1", "--task", "classification",
                "--description", "trained in a notebook", "--tag", "source=notebook", "--output", "json");

        assertThat(exit).as(stack.err()).isZero();
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
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.getVersion()).isEqualTo(3);
        assertThat(printed.getSignature()).isEqualTo(header.getSignature());
        assertThat(stack.err()).contains("sha256 " + header.getSha256()).contains("sent iris.pt");
    }

    @Test
    void aFileOfSeveralMebibytesGoesInChunksOfAtMostOneMebibyteThatReassembleToIt() throws Exception {
        byte[] model = randomBytes(3 * (1 << 20) + 12_345);
        Path file = write("big.onnx", model);

        int exit = stack.run("models", "upload", "big", "--file", file.toString(), "--input", "x:FP32:-1,8",
                "--output-tensor", "y:FP32:-1,1");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(registry.header.getFormat()).isEqualTo(ModelFormat.ONNX);
        assertThat(registry.chunkSizes).hasSize(4).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1 << 20));
        assertThat(registry.received.toByteArray()).isEqualTo(model);
        assertThat(stack.out()).contains("model:").contains("big").contains("v3").contains("ONNX")
                .contains("input   x     FP32      -1,8").contains("output  y     FP32      -1,1");
    }

    @Test
    void aBadInputValueIsAUsageErrorNamingItBeforeAnyCall() throws Exception {
        Path file = write("iris.pt", randomBytes(10));

        int badType = stack.run("models", "upload", "iris", "--file", file.toString(), "--input", "features:FP16:-1,4",
                "--output-tensor", "y:FP32:-1");
        int badShape = stack.run("models", "upload", "iris", "--file", file.toString(), "--input", "features:FP32:-1,0",
                "--output-tensor", "y:FP32:-1");
        int noShape = stack.run("models", "upload", "iris", "--file", file.toString(), "--input", "features:FP32",
                "--output-tensor", "y:FP32:-1");

        assertThat(List.of(badType, badShape, noShape)).containsOnly(2);
        assertThat(stack.err()).contains("option '--input'").contains("'features:FP16:-1,4'")
                .contains("FP32, FP64, INT32, INT64")
                .contains("'features:FP32:-1,0'").contains("-1 for a free one")
                .contains("'features:FP32'").contains("NAME:DATATYPE:SHAPE");
        assertThat(registry.calls).hasValue(0);
    }

    @Test
    void aFileWhoseFormatTheNameDoesNotTellIsAUsageErrorUnlessFormatIsGiven() throws Exception {
        Path file = write("model.bin", randomBytes(1000));

        int unknown = stack.run("models", "upload", "m", "--file", file.toString(), "--input", "x:FP32:-1",
                "--output-tensor", "y:FP32:-1");

        assertThat(unknown).isEqualTo(2);
        assertThat(stack.err()).contains("pass --format torchscript or onnx");
        assertThat(registry.calls).hasValue(0);

        int given = stack.run("models", "upload", "m", "--file", file.toString(), "--format", "onnx", "--input",
                "x:FP32:-1", "--output-tensor", "y:FP32:-1");

        assertThat(given).as(stack.err()).isZero();
        assertThat(registry.header.getFormat()).isEqualTo(ModelFormat.ONNX);
    }

    @Test
    void bytesTheRegistryFindsDamagedAreDataLossExitCode1WithItsMessage() throws Exception {
        registry.failAtEnd = Status.DATA_LOSS.withDescription("received 2000 bytes with sha256 0a1b… but the header "
                + "said 9f8e…: nothing was registered; upload the file again");
        Path file = write("iris.pt", randomBytes(2000));

        int exit = stack.run("models", "upload", "iris", "--file", file.toString(), "--input", "x:FP32:-1,4",
                "--output-tensor", "y:FP32:-1,3");

        assertThat(exit).isEqualTo(1);
        assertThat(stack.err()).contains("aiaas: DATA_LOSS: received 2000 bytes with sha256 0a1b… but the header "
                + "said 9f8e…: nothing was registered; upload the file again");
        assertThat(stack.out()).isEmpty();
    }

    @Test
    void aHeaderTheRegistryRefusesEndsTheUploadWithExitCode6() throws Exception {
        registry.failOnHeader = Status.INVALID_ARGUMENT.withDescription("the file is 3157057 bytes and this registry "
                + "takes at most 1048576 (registry.upload.max-bytes)");
        Path file = write("big.pt", randomBytes(3 * (1 << 20) + 1));

        int exit = stack.run("models", "upload", "big", "--file", file.toString(), "--input", "x:FP32:-1",
                "--output-tensor", "y:FP32:-1");

        assertThat(exit).isEqualTo(6);
        assertThat(stack.err()).contains("aiaas: INVALID_ARGUMENT: the file is 3157057 bytes");
    }

    @Test
    void anAliasIsPointedAtTheUploadedVersion() throws Exception {
        Path file = write("iris.pt", randomBytes(5000));

        int exit = stack.run("models", "upload", "iris", "--file", file.toString(), "--input", "x:FP32:-1,4",
                "--output-tensor", "y:FP32:-1,3", "--alias", "champion");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(registry.aliasSet).isEqualTo(SetAliasRequest.newBuilder().setModelName("iris").setAlias("champion")
                .setVersion(3).build());
        assertThat(stack.out()).contains("iris@champion -> v3 (was v2)");
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
