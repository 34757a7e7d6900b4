package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.DIGITS;
import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static dev.aiaas.ingest.IngestFixtures.create;
import static dev.aiaas.ingest.IngestFixtures.importFile;
import static dev.aiaas.ingest.IngestFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.GetDatasetVersionRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ProtoJsonObjects;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class SealVersionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    Channel channel;

    @Inject
    ArtifactStore store;

    @Test
    void sealingIrisMakesVersionOneWhosePartsAndManifestAreInTheStoreWithTheirDigests() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        importFile(channel, dataset, FileFormat.CSV, read(IngestFixtures.IRIS_CSV), 4096);

        DatasetVersion sealed = seal(dataset);

        assertThat(sealed.getVersion()).isEqualTo(1);
        assertThat(sealed.getRowCount()).isEqualTo(150);
        assertThat(sealed.getManifestKey()).matches("datasets/" + dataset + "/v1/[0-9a-f]{16}/manifest.json");
        String folder = sealed.getManifestKey().substring(0, sealed.getManifestKey().lastIndexOf('/') + 1);
        ArtifactRef part = sealed.getParts(0);
        assertThat(sealed.getPartsList()).hasSize(1);
        assertThat(part.getKey()).isEqualTo(folder + "part-00000.jsonl");
        byte[] partBytes = readObject(part.getKey());
        assertThat(ArtifactDigest.sha256Hex(partBytes)).isEqualTo(part.getSha256());
        assertThat(partBytes).hasSize((int) part.getSizeBytes());
        List<String> lines = new String(partBytes, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(150);
        assertThat(lines.get(0)).isEqualTo(
                "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2,\"species\":\"setosa\"}");
        assertThat(sealed.getSha256()).isEqualTo(ArtifactDigest.sha256Hex(part.getSha256().getBytes(StandardCharsets.US_ASCII)));

        var dataset1 = ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build());
        assertThat(dataset1.getOpenRows()).isZero();
        assertThat(dataset1.getLatestVersion()).isEqualTo(1);
    }

    @Test
    void theManifestIsTheVersionMessageInProtobufJsonAndItsDigestIsRecorded() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        importFile(channel, dataset, FileFormat.CSV, read(IngestFixtures.IRIS_CSV), 4096);
        DatasetVersion sealed = seal(dataset);

        assertThat(ArtifactDigest.sha256Hex(readObject(sealed.getManifestKey()))).isEqualTo(sealed.getManifestSha256());
        DatasetVersion manifest = ProtoJsonObjects.read(store, sealed.getManifestKey(), sealed.getManifestSha256(),
                DatasetVersion.getDefaultInstance());

        assertThat(manifest).isEqualTo(sealed.toBuilder().clearManifestSha256().build());
        assertThat(manifest.getSchema().getLabelColumn()).isEqualTo("species");
        assertThat(manifest.getPartsList()).extracting(ArtifactRef::getSha256).containsExactly(sealed.getParts(0).getSha256());
        assertThat(ingest.getDatasetVersion(GetDatasetVersionRequest.newBuilder().setDataset(dataset).setVersion(1)
                .build()).getManifestSha256()).isEqualTo(sealed.getManifestSha256());
    }

    @Test
    void theSealIsAnnouncedOnTheIngestEventsTopic() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        importFile(channel, dataset, FileFormat.CSV, read(IngestFixtures.IRIS_CSV), 4096);
        DatasetVersion sealed = seal(dataset);

        var events = IngestFixtures.consume(Topics.INGEST_EVENTS, record -> dataset.equals(record.key()), 1,
                Duration.ofSeconds(20));

        assertThat(events).hasSize(1);
        DatasetVersionSealed event = DatasetVersionSealed.parseFrom(events.get(0).value());
        assertThat(event.getDataset()).isEqualTo(dataset);
        assertThat(event.getVersion()).isEqualTo(1);
        assertThat(event.getRowCount()).isEqualTo(150);
        assertThat(event.getSha256()).isEqualTo(sealed.getSha256());
        assertThat(event.getManifestKey()).isEqualTo(sealed.getManifestKey());
        assertThat(event.getManifestSha256()).isEqualTo(sealed.getManifestSha256()).hasSize(64);
        assertThat(event.getHeader().getEventId()).isNotBlank();
        assertThat(event.getHeader().getSource()).isEqualTo("ingest-service");
    }

    @Test
    void sealingAgainWithNothingOpenIsAFailedPreconditionAndNewRecordsMakeVersionTwo() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        importFile(channel, dataset, FileFormat.CSV, read(IngestFixtures.IRIS_CSV), 4096);
        seal(dataset);

        assertStatus(() -> seal(dataset), Status.Code.FAILED_PRECONDITION, "no open records");

        String more = "sepal_length,sepal_width,petal_length,petal_width,species\n"
                + "5.0,3.4,1.5,0.2,\"Iris \"\"setosa\"\", wild\"\n";
        importFile(channel, dataset, FileFormat.CSV, more.getBytes(StandardCharsets.UTF_8), 7);
        DatasetVersion second = seal(dataset);

        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getRowCount()).isEqualTo(1);
        String line = new String(readObject(second.getParts(0).getKey()), StandardCharsets.UTF_8).strip();
        assertThat(JSON.readTree(line).get("species").asText()).isEqualTo("Iris \"setosa\", wild");
        assertThat(ingest.listDatasetVersions(ListDatasetVersionsRequest.newBuilder().setDataset(dataset).build())
                .getVersionsList()).extracting(DatasetVersion::getVersion).containsExactly(2L, 1L);
        assertThat(ingest.getDatasetVersion(GetDatasetVersionRequest.newBuilder().setDataset(dataset).setVersion(1).build())
                .getRowCount()).isEqualTo(150);
    }

    @Test
    void theDigitsSealIntoSeveralPartsWithLabelsAndPixelsIntact() throws Exception {
        String dataset = create(ingest, "digits", DIGITS);
        importFile(channel, dataset, FileFormat.IMAGE_RECORDS_GZ, read(IngestFixtures.MNIST), 64 * 1024);

        DatasetVersion sealed = seal(dataset);

        assertThat(sealed.getRowCount()).isEqualTo(10_000);
        String folder = sealed.getManifestKey().substring(0, sealed.getManifestKey().lastIndexOf('/') + 1);
        assertThat(sealed.getPartsList()).extracting(ArtifactRef::getKey).containsExactly(
                folder + "part-00000.jsonl", folder + "part-00001.jsonl", folder + "part-00002.jsonl");
        JsonNode first = firstLine(sealed.getParts(0));
        byte[] record = firstRecordOfTheFile();
        assertThat(first.get("label").asLong()).isEqualTo(record[0]).isZero();
        assertThat(Base64.getDecoder().decode(first.get("image").asText())).isEqualTo(Arrays.copyOfRange(record, 1, 785));
        // 4 000 rows per part in tests; the file is sorted by label, and record 4 000 is a 3
        assertThat(firstLine(sealed.getParts(1)).get("label").asLong()).isEqualTo(3);
        assertThat(new String(readObject(sealed.getParts(2).getKey()), StandardCharsets.UTF_8).lines()).hasSize(2000);
        assertThat(sealed.getSchema().getColumns(0).getShapeList()).containsExactly(28, 28);
    }

    @Test
    void concurrentSealsNeverTakeTheSameVersion() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        importFile(channel, dataset, FileFormat.CSV, read(IngestFixtures.IRIS_CSV), 4096);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> sealing = () -> {
                try {
                    return seal(dataset).getVersion();
                } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode();
                }
            };
            List<Future<Object>> outcomes = pool.invokeAll(List.of(sealing, sealing));

            assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get()))
                    .containsExactlyInAnyOrder(1L, Status.Code.FAILED_PRECONDITION);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownDatasetsAndVersionsAreNotFound() {
        String dataset = create(ingest, "iris", IRIS);

        assertStatus(() -> seal("never-created"), Status.Code.NOT_FOUND, "never-created");
        assertStatus(() -> ingest.getDatasetVersion(GetDatasetVersionRequest.newBuilder().setDataset(dataset)
                .setVersion(1).build()), Status.Code.NOT_FOUND, "has no version 1");
        assertStatus(() -> ingest.listDatasetVersions(ListDatasetVersionsRequest.newBuilder()
                .setDataset("never-created").build()), Status.Code.NOT_FOUND, "never-created");
    }

    private DatasetVersion seal(String dataset) {
        return ingest.sealVersion(SealVersionRequest.newBuilder().setDataset(dataset).build());
    }

    private byte[] readObject(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    private JsonNode firstLine(ArtifactRef part) throws IOException {
        try (InputStream in = store.getVerified(part.getKey(), part.getSha256())) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JSON.readTree(text.substring(0, text.indexOf('\n')));
        }
    }

    private static byte[] firstRecordOfTheFile() throws IOException {
        try (InputStream in = new GZIPInputStream(java.nio.file.Files.newInputStream(IngestFixtures.MNIST))) {
            return in.readNBytes(785);
        }
    }

    private static void assertStatus(ThrowingCallable call, Status.Code code, String descriptionPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(descriptionPart);
        });
    }
}
