package dev.aiaas.registry;

import static dev.aiaas.registry.RegistryRequests.unique;
import static dev.aiaas.registry.RegistryRequests.version;
import static dev.aiaas.registry.UploadClient.chunkMessage;
import static dev.aiaas.registry.UploadClient.file;
import static dev.aiaas.registry.UploadClient.header;
import static dev.aiaas.registry.UploadClient.headerMessage;
import static dev.aiaas.registry.UploadClient.messages;
import static dev.aiaas.registry.UploadClient.tensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.events.v1.RegistryEvent;
import dev.aiaas.proto.registry.v1.GetModelVersionRequest;
import dev.aiaas.proto.registry.v1.GetRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.ModelFormat;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc.RegistryServiceStub;
import dev.aiaas.proto.registry.v1.UploadHeader;
import dev.aiaas.registry.config.RegistryConfig;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UploadModelVersion against real PostgreSQL, Kafka and S3: a model file made elsewhere becomes
 * the model's next version with its bytes in the object store, and every refusal leaves no
 * object, no version and no spool file behind. Tests lower {@code registry.upload.max-bytes} to
 * 24 MiB and spool into a folder of their own.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ModelUploadTest {

    private static final Duration CLEANUP = Duration.ofSeconds(10);

    /** Quarkus injects no asynchronous grpc-java stub, which a client stream needs: a channel instead. */
    @GrpcClient("registry")
    Channel channel;

    RegistryServiceStub stub;

    @GrpcClient("registry")
    RegistryServiceBlockingStub registry;

    @Inject
    ArtifactStore store;

    @Inject
    RegistryConfig config;

    @BeforeEach
    void asynchronousStub() {
        stub = RegistryServiceGrpc.newStub(channel);
    }

    @AfterEach
    void noSpoolFileIsLeft() {
        await().atMost(CLEANUP).untilAsserted(() -> assertThat(spoolFiles()).isEmpty());
    }

    @Test
    void aFileSentInChunksBecomesTheNextVersionWithItsBytesStored() throws IOException {
        String model = unique("uploaded");
        registry.createModelVersion(version(model, 0.9));
        byte[] file = file(20_000_000);
        UploadHeader.Builder header = header(model, ModelFormat.ONNX, file)
                .setDescription("trained in a notebook").putMetrics("accuracy", 0.97).putTags("origin", "notebook");

        ModelVersion uploaded = new UploadClient(stub).upload(header, file);

        assertThat(uploaded.getVersion()).isEqualTo(2);
        assertThat(uploaded.getFamily()).isEqualTo("ONNX");
        assertThat(uploaded.getSignature()).isEqualTo(header.getSignature());
        assertThat(uploaded.getDescription()).isEqualTo("trained in a notebook");
        assertThat(uploaded.getMetricsMap()).containsEntry("accuracy", 0.97);
        assertThat(uploaded.getTagsMap()).containsEntry("origin", "notebook");
        assertThat(uploaded.getLineage().getCodeVersion()).isEqualTo("uploaded");
        assertThat(uploaded.getLineage().getDataset()).isEmpty();
        ArtifactRef artifact = uploaded.getArtifacts(0);
        assertThat(uploaded.getArtifactsList()).hasSize(1);
        assertThat(artifact.getRole()).isEqualTo("model");
        assertThat(artifact.getKey()).startsWith("models/" + model + "/upload-").endsWith("/model.onnx");
        assertThat(artifact.getSha256()).isEqualTo(header.getSha256());
        assertThat(artifact.getSizeBytes()).isEqualTo(file.length);
        try (InputStream stored = store.getVerified(artifact.getKey(), artifact.getSha256())) {
            assertThat(ArtifactDigest.sha256Hex(stored)).isEqualTo(header.getSha256());
        }
        assertThat(registry.getModelVersion(GetModelVersionRequest.newBuilder().setModelName(model).setVersion(2)
                .build())).isEqualTo(uploaded);
    }

    @Test
    void aTorchScriptFileForANewModelIsItsFirstVersionInTheCallersProject() {
        String model = unique("scripted");
        byte[] file = file(1000);
        UploadHeader.Builder header = header(model, ModelFormat.TORCHSCRIPT, file);
        header.getSignatureBuilder().setTask(Task.REGRESSION);

        ModelVersion uploaded = new UploadClient(ProjectHeader.on(stub, "acme")).upload(header, file);

        assertThat(uploaded.getVersion()).isEqualTo(1);
        assertThat(uploaded.getFamily()).isEqualTo("TORCHSCRIPT");
        assertThat(uploaded.getSignature().getTask()).isEqualTo(Task.REGRESSION);
        assertThat(uploaded.getArtifacts(0).getKey()).startsWith("projects/acme/models/" + model + "/upload-")
                .endsWith("/model.pt");
        assertThat(store.stat(uploaded.getArtifacts(0).getKey()).orElseThrow().sha256()).isEqualTo(header.getSha256());
        List<RegistryEvent> events = RegistryTopic.eventsOf(model, 2, Duration.ofSeconds(20));
        assertThat(events).extracting(RegistryEvent::getChangeCase)
                .containsExactly(RegistryEvent.ChangeCase.MODEL_CREATED, RegistryEvent.ChangeCase.VERSION_CREATED);
        assertThat(events).extracting(e -> e.getHeader().getProject()).containsOnly("acme");
        assertThatThrownBy(() -> registry.getRegisteredModel(GetRegisteredModelRequest.newBuilder().setName(model).build()))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void bytesWithAnotherDigestAreDataLossAndNothingIsStoredOrRegistered() {
        String model = unique("corrupted");
        byte[] file = file(5_000_000);
        UploadHeader.Builder header = header(model, ModelFormat.ONNX, file).setSha256(ArtifactDigest.sha256Hex(file(10)));

        assertThatThrownBy(() -> new UploadClient(stub).upload(header, file))
                .satisfies(e -> assertRefused(e, Status.Code.DATA_LOSS,
                        "received 5000000 bytes with SHA-256 " + ArtifactDigest.sha256Hex(file), "upload again"));
        assertNothingKeptFor(model);
    }

    @Test
    void fewerBytesThanTheHeaderSaysAreDataLoss() {
        String model = unique("short");
        byte[] file = file(3000);
        UploadHeader.Builder header = header(model, ModelFormat.ONNX, file).setSizeBytes(4000);

        assertThatThrownBy(() -> new UploadClient(stub).upload(header, file))
                .satisfies(e -> assertRefused(e, Status.Code.DATA_LOSS, "received 3000 bytes", "says 4000 bytes"));
        assertNothingKeptFor(model);
    }

    @Test
    void moreBytesThanTheHeaderSaysAreRefusedAsTheyArrive() {
        String model = unique("long");
        byte[] file = file(3000);
        UploadHeader.Builder header = header(model, ModelFormat.ONNX, file).setSizeBytes(2000);

        assertThatThrownBy(() -> new UploadClient(stub).send(messages(header, file, 1000)))
                .satisfies(e -> assertRefused(e, Status.Code.DATA_LOSS, "more than the 2000 bytes", "size_bytes"));
        assertNothingKeptFor(model);
    }

    @Test
    void aChunkBeforeTheHeaderIsInvalid() {
        byte[] file = file(100);

        assertThatThrownBy(() -> new UploadClient(stub).send(List.of(chunkMessage(file, 0, 100),
                headerMessage(header(unique("headless"), ModelFormat.ONNX, file)))))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "first message", "must be the header"));
    }

    @Test
    void aChunkOverFourMebibytesIsInvalid() {
        String model = unique("bulky");
        byte[] file = file(UploadClient.CHUNK + 1);

        assertThatThrownBy(() -> new UploadClient(stub).send(messages(header(model, ModelFormat.ONNX, file), file,
                file.length)))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "chunk of 4194305 bytes", "at most 4 MiB"));
        assertNothingKeptFor(model);
    }

    @Test
    void aSecondHeaderIsInvalid() {
        String model = unique("twice");
        byte[] file = file(100);

        assertThatThrownBy(() -> new UploadClient(stub).send(List.of(headerMessage(header(model, ModelFormat.ONNX, file)),
                headerMessage(header(model, ModelFormat.ONNX, file)), chunkMessage(file, 0, 100))))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "second header"));
        assertNothingKeptFor(model);
    }

    @Test
    void aSignatureServingCannotFeedIsInvalidBeforeAnyByteIsTaken() {
        byte[] file = file(100);
        UploadHeader.Builder noOutputs = header(unique("bad"), ModelFormat.ONNX, file)
                .setSignature(Signature.newBuilder().addInputs(tensor("input", "FP32", -1, 4)));
        UploadHeader.Builder booleans = header(unique("bad"), ModelFormat.ONNX, file)
                .setSignature(Signature.newBuilder().addInputs(tensor("input", "BOOL", -1, 4))
                        .addOutputs(tensor("output", "FP32", -1, 1)));
        UploadHeader.Builder zeroDimension = header(unique("bad"), ModelFormat.ONNX, file)
                .setSignature(Signature.newBuilder().addInputs(tensor("input", "FP32", -1, 0))
                        .addOutputs(tensor("output", "FP32", -1, 1)));

        assertThatThrownBy(() -> new UploadClient(stub).upload(noOutputs, file))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "no outputs"));
        assertThatThrownBy(() -> new UploadClient(stub).upload(booleans, file))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "'input' has datatype 'BOOL'",
                        "FP32, FP64, INT32, INT64"));
        assertThatThrownBy(() -> new UploadClient(stub).upload(zeroDimension, file))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "dimension 0", "-1 for a free one"));
    }

    @Test
    void aHeaderWithoutFormatIsInvalid() {
        byte[] file = file(100);
        UploadHeader.Builder header = header(unique("formless"), ModelFormat.MODEL_FORMAT_UNSPECIFIED, file);

        assertThatThrownBy(() -> new UploadClient(stub).upload(header, file))
                .satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT, "TORCHSCRIPT", "ONNX"));
    }

    @Test
    void aFileLargerThanTheRegistryTakesIsRefusedOnItsHeader() {
        String model = unique("huge");
        long tooLarge = config.upload().maxBytes() + 1;
        UploadHeader.Builder header = header(model, ModelFormat.ONNX, file(10)).setSizeBytes(tooLarge);
        UploadClient.OpenUpload open = new UploadClient(stub).open();

        open.requests().onNext(headerMessage(header));

        assertThatThrownBy(open::answer).satisfies(e -> assertRefused(e, Status.Code.INVALID_ARGUMENT,
                "the file is " + tooLarge + " bytes", "registry.upload.max-bytes"));
        assertNothingKeptFor(model);
    }

    @Test
    void aClientThatGivesUpMidStreamLeavesNothingBehind() {
        String model = unique("abandoned");
        byte[] file = file(3_000_000);
        UploadClient.OpenUpload open = new UploadClient(stub).open();
        open.requests().onNext(headerMessage(header(model, ModelFormat.ONNX, file)));
        open.requests().onNext(chunkMessage(file, 0, 1_000_000));
        await().atMost(CLEANUP).until(() -> spoolFiles().size() == 1);

        open.cancel();

        await().atMost(CLEANUP).untilAsserted(() -> assertThat(spoolFiles()).isEmpty());
        assertNothingKeptFor(model);
    }

    @Test
    void oneUploadMoreThanTheRegistryTakesAtATimeIsResourceExhausted() {
        int limit = config.upload().maxConcurrent();
        byte[] file = file(100);
        List<UploadClient.OpenUpload> open = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            UploadClient.OpenUpload upload = new UploadClient(stub).open();
            upload.requests().onNext(headerMessage(header(unique("busy"), ModelFormat.ONNX, file)));
            open.add(upload);
        }
        await().atMost(CLEANUP).until(() -> spoolFiles().size() == limit);

        assertThatThrownBy(() -> new UploadClient(stub).upload(header(unique("one-more"), ModelFormat.ONNX, file), file))
                .satisfies(e -> assertRefused(e, Status.Code.RESOURCE_EXHAUSTED, "registry.upload.max-concurrent"));

        open.forEach(UploadClient.OpenUpload::cancel);
        await().atMost(CLEANUP).untilAsserted(() -> assertThat(spoolFiles()).isEmpty());
        assertThat(new UploadClient(stub).upload(header(unique("after"), ModelFormat.ONNX, file), file).getVersion())
                .isEqualTo(1);
    }

    private void assertNothingKeptFor(String model) {
        assertThat(store.list("models/" + model + "/")).isEmpty();
        assertThatThrownBy(() -> registry.getRegisteredModel(GetRegisteredModelRequest.newBuilder().setName(model).build()))
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    private static void assertRefused(Throwable e, Status.Code code, String... says) {
        assertThat(e).isInstanceOf(StatusRuntimeException.class);
        Status status = Status.fromThrowable(e);
        assertThat(status.getCode()).as(status.toString()).isEqualTo(code);
        assertThat(status.getDescription()).contains(says);
    }

    private List<Path> spoolFiles() throws IOException {
        Path folder = config.upload().spoolDirectory().orElseThrow();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
