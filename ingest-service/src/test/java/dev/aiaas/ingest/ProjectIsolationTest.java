package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static dev.aiaas.ingest.IngestFixtures.header;
import static dev.aiaas.ingest.IngestFixtures.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.GetDatasetVersionRequest;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Projects are the unit of isolation: the same dataset name lives in two projects, each with a
 * schema of its own; a project's calls see, fill, seal and read only its own datasets (another
 * project's answers NOT_FOUND, word for word as a missing one); its sealed objects lie under its
 * keys and its events name it; a Kafka record goes into the project its topic names.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectIsolationTest {

        private static final byte[] SETOSA = ("{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, "
            + "\"petal_width\": 0.2, \"species\": \"setosa\"}").getBytes(StandardCharsets.UTF_8);
    /** Iris measured in whole millimetres and labelled by number: the same name, another schema. */
    private static final Schema IRIS_MM = Schema.newBuilder()
            .addColumns(Column.newBuilder().setName("petal_mm").setType(ColumnType.INT64))
            .addColumns(Column.newBuilder().setName("species_id").setType(ColumnType.INT64))
            .setLabelColumn("species_id")
            .build();

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    Channel channel;

    @Inject
    ArtifactStore store;

    // projects of their own per test: the database and the broker live as long as the test run
    private final String alpha = "alpha-" + suffix();
    private final String beta = "beta-" + suffix();

    @Test
    void theSameNameLivesInTwoProjectsWithSchemasOfTheirOwnAndEachListsOnlyItsOwn() {
        in(alpha).createDataset(dataset("iris", IRIS));
        in(beta).createDataset(dataset("iris", IRIS_MM));
        in(alpha).createDataset(dataset("lilac", IRIS));

        assertThat(in(alpha).getDataset(name("iris")).getSchema()).isEqualTo(IRIS);
        assertThat(in(beta).getDataset(name("iris")).getSchema()).isEqualTo(IRIS_MM);
        assertThat(list(alpha)).extracting(Dataset::getName).containsExactly("iris", "lilac");
        assertThat(list(beta)).extracting(Dataset::getName, Dataset::getSchema).containsExactly(tuple("iris", IRIS_MM));
    }

    @Test
    void uploadsIntoEachProjectLandOnlyInItsOwnDataset() throws Exception {
        in(alpha).createDataset(dataset("iris", IRIS));
        in(beta).createDataset(dataset("iris", IRIS));

        UploadSummary intoAlpha = upload(alpha, "iris", "upload-1", List.of(setosa(), setosa()));
        UploadSummary intoBeta = IngestFixtures.importFile(channel(beta), ImportFileHeader.newBuilder()
                .setDataset("iris").setFormat(FileFormat.CSV).setUploadId("upload-1").build(),
                IngestFixtures.read(IngestFixtures.IRIS_CSV), 4096);

        assertThat(intoAlpha.getAccepted()).isEqualTo(2);
        // the same upload id in another project is another upload: none of beta's records is skipped
        assertThat(intoBeta.getAccepted()).isEqualTo(150);
        assertThat(intoBeta.getAlreadyStored()).isZero();
        assertThat(in(alpha).getDataset(name("iris")).getOpenRows()).isEqualTo(2);
        assertThat(in(beta).getDataset(name("iris")).getOpenRows()).isEqualTo(150);
    }

    @Test
    void anotherProjectsDatasetIsNotFoundForEveryCallAsAMissingOneAndStaysUntouched() throws Exception {
        in(alpha).createDataset(dataset("iris", IRIS));
        upload(alpha, "iris", "", List.of(setosa()));
        in(alpha).sealVersion(SealVersionRequest.newBuilder().setDataset("iris").build());
        upload(alpha, "iris", "", List.of(setosa()));

        String missing = notFound(() -> in(beta).getDataset(name("never-created")));
        assertThat(notFound(() -> in(beta).getDataset(name("iris"))))
                .isEqualTo(missing.replace("never-created", "iris"));
        notFound(() -> in(beta).sealVersion(SealVersionRequest.newBuilder().setDataset("iris").build()));
        notFound(() -> in(beta).getDatasetVersion(GetDatasetVersionRequest.newBuilder().setDataset("iris").setVersion(1)
                .build()));
        notFound(() -> in(beta).listDatasetVersions(ListDatasetVersionsRequest.newBuilder().setDataset("iris")
                .build()));
        notFound(() -> upload(beta, "iris", "", List.of(setosa())));
        notFound(() -> IngestFixtures.importFile(channel(beta), "iris", FileFormat.CSV,
                IngestFixtures.read(IngestFixtures.IRIS_CSV), 4096));
        assertThat(list(beta)).isEmpty();

        Dataset untouched = in(alpha).getDataset(name("iris"));
        assertThat(untouched.getOpenRows()).isEqualTo(1);
        assertThat(untouched.getLatestVersion()).isEqualTo(1);
    }

    @Test
    void aCallNamingNoProjectActsInTheDefaultProject() {
        String dataset = IngestFixtures.create(ingest, "iris", IRIS);

        assertThat(in(Projects.DEFAULT).getDataset(name(dataset)).getName()).isEqualTo(dataset);
        assertThat(ingest.listDatasets(ListDatasetsRequest.getDefaultInstance()).getDatasetsList())
                .extracting(Dataset::getName).contains(dataset);
        notFound(() -> in(alpha).getDataset(name(dataset)));
    }

    @Test
    void aSealedVersionLiesUnderItsProjectsKeysAndItsEventNamesTheProject() throws Exception {
        for (String project : List.of(alpha, beta)) {
            in(project).createDataset(dataset("iris", IRIS));
            IngestFixtures.importFile(channel(project), "iris", FileFormat.CSV,
                    IngestFixtures.read(IngestFixtures.IRIS_CSV), 4096);
        }

        DatasetVersion ofBeta = in(beta).sealVersion(SealVersionRequest.newBuilder().setDataset("iris").build());
        assertThat(in(alpha).getDataset(name("iris")).getOpenRows()).isEqualTo(150);
        DatasetVersion ofAlpha = in(alpha).sealVersion(SealVersionRequest.newBuilder().setDataset("iris").build());

        assertThat(List.of(ofBeta.getVersion(), ofAlpha.getVersion())).containsOnly(1L);
        assertThat(ofBeta.getManifestKey())
                .matches("projects/" + beta + "/datasets/iris/v1/[0-9a-f]{16}/manifest.json");
        assertThat(ofBeta.getPartsList()).extracting(ArtifactRef::getKey)
                .allMatch(key -> key.startsWith("projects/" + beta + "/datasets/iris/v1/"));
        assertThat(ofAlpha.getManifestKey()).startsWith("projects/" + alpha + "/datasets/iris/v1/");
        assertThat(ArtifactDigest.sha256Hex(readObject(ofBeta.getManifestKey()))).isEqualTo(ofBeta.getManifestSha256());
        assertThat(in(beta).getDatasetVersion(GetDatasetVersionRequest.newBuilder().setDataset("iris").setVersion(1)
                .build()).getManifestKey()).isEqualTo(ofBeta.getManifestKey());

        List<String> keys = List.of(ofBeta.getManifestKey(), ofAlpha.getManifestKey());
        List<DatasetVersionSealed> events = IngestFixtures.consume(Topics.INGEST_EVENTS,
                record -> keys.contains(sealed(record).getManifestKey()), 2, Duration.ofSeconds(20))
                .stream().map(ProjectIsolationTest::sealed).toList();
        assertThat(events).extracting(e -> e.getHeader().getProject(), DatasetVersionSealed::getManifestKey)
                .containsExactlyInAnyOrder(tuple(beta, ofBeta.getManifestKey()),
                        tuple(alpha, ofAlpha.getManifestKey()));
    }

    @Test
    void aRecordProducedToAProjectsTopicLandsInThatProjectsDatasetOnly() throws Exception {
        in(alpha).createDataset(dataset("iris", IRIS));
        in(beta).createDataset(dataset("iris", IRIS));
        String topic = Topics.ingestRecords(beta);

        // made with beta's first dataset, partitioned as the default project's topic
        assertThat(IngestFixtures.partitions(topic)).isEqualTo(IngestFixtures.partitions(Topics.INGEST_RECORDS));
        produce(topic, "iris", SETOSA, Map.of());

        assertThat(IngestFixtures.openRowsReaching(in(beta), "iris", 1, Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(in(alpha).getDataset(name("iris")).getOpenRows()).isZero();
    }

    @Test
    void aRecordClaimingAnotherProjectThanItsTopicOrNamingADatasetItsProjectLacksIsDeadLettered() throws Exception {
        in(alpha).createDataset(dataset("iris", IRIS));
        in(alpha).createDataset(dataset("lilac", IRIS));
        in(beta).createDataset(dataset("iris", IRIS));
        String topic = Topics.ingestRecords(beta);

        produce(topic, "iris", SETOSA, Map.of(Projects.HEADER, alpha));
        produce(topic, "lilac", SETOSA, Map.of());
        produce(topic, "iris", SETOSA, Map.of(Projects.HEADER, beta));

        Map<String, String> reasons = IngestFixtures.consume(Topics.INGEST_DLQ,
                record -> topic.equals(header(record, Topics.DLQ_SOURCE_TOPIC_HEADER)), 2, Duration.ofSeconds(30))
                .stream().collect(Collectors.toMap(ConsumerRecord::key, r -> header(r, Topics.DLQ_REASON_HEADER)));
        assertThat(reasons).containsOnlyKeys("iris", "lilac");
        assertThat(reasons.get("iris")).contains("project '" + alpha + "'").contains("project '" + beta + "'");
        assertThat(reasons.get("lilac")).contains("unknown dataset 'lilac' in project '" + beta + "'");
        assertThat(IngestFixtures.openRowsReaching(in(beta), "iris", 1, Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(in(alpha).getDataset(name("iris")).getOpenRows()).isZero();
        assertThat(in(alpha).getDataset(name("lilac")).getOpenRows()).isZero();
    }

    private IngestServiceBlockingStub in(String project) {
        return IngestFixtures.inProject(ingest, project);
    }

    private Channel channel(String project) {
        return IngestFixtures.inProject(channel, project);
    }

    private List<Dataset> list(String project) {
        return in(project).listDatasets(ListDatasetsRequest.getDefaultInstance()).getDatasetsList();
    }

    private UploadSummary upload(String project, String dataset, String uploadId, List<Record> records)
            throws Exception {
        CompletableFuture<UploadSummary> result = new CompletableFuture<>();
        var stream = IngestServiceGrpc.newStub(channel(project)).uploadRecords(IngestFixtures.completing(result));
        stream.onNext(UploadRecordsRequest.newBuilder().setDataset(dataset).setUploadId(uploadId).addAllRecords(records)
                .build());
        stream.onCompleted();
        return result.get(20, TimeUnit.SECONDS);
    }

    private byte[] readObject(String key) throws Exception {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    /** The call fails NOT_FOUND (directly, or as the cause of a stream's failure); its description. */
    private static String notFound(ThrowingCallable call) {
        StatusRuntimeException[] failure = new StatusRuntimeException[1];
        assertThatThrownBy(call).satisfies(thrown -> {
            Throwable status = thrown instanceof StatusRuntimeException ? thrown : thrown.getCause();
            assertThat(status).isInstanceOf(StatusRuntimeException.class);
            failure[0] = (StatusRuntimeException) status;
        });
        assertThat(failure[0].getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        return failure[0].getStatus().getDescription();
    }

    private static DatasetVersionSealed sealed(ConsumerRecord<String, byte[]> record) {
        try {
            return DatasetVersionSealed.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            return DatasetVersionSealed.getDefaultInstance();
        }
    }

    private static CreateDatasetRequest dataset(String name, Schema schema) {
        return CreateDatasetRequest.newBuilder().setName(name).setSchema(schema).build();
    }

    private static GetDatasetRequest name(String dataset) {
        return GetDatasetRequest.newBuilder().setName(dataset).build();
    }

    private static Record setosa() {
        return Record.newBuilder()
                .putFields("sepal_length", number(5.1)).putFields("sepal_width", number(3.5))
                .putFields("petal_length", number(1.4)).putFields("petal_width", number(0.2))
                .putFields("species", Value.newBuilder().setStringValue("setosa").build())
                .build();
    }

    private static Value number(double value) {
        return Value.newBuilder().setDoubleValue(value).build();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
