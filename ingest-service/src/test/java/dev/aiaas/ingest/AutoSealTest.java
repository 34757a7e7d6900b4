package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aiaas.errors.Projects;
import dev.aiaas.events.Topics;
import dev.aiaas.ingest.service.AutoSealer;
import dev.aiaas.proto.events.v1.DatasetVersionSealed;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.SetAutoSealRequest;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Ingest seals a dataset by itself once its open rows reach {@code max_open_rows} or its oldest
 * open row is {@code max_age_seconds} old, checked every {@code ingest.auto-seal.interval} (1 s in
 * tests): the version and its DatasetVersionSealed event are SealVersion's, and racing passes seal
 * the rows once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class AutoSealTest {

    private static final String IRIS_HEADER = "sepal_length,sepal_width,petal_length,petal_width,species\n";

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    Channel channel;

    @Inject
    AutoSealer autoSealer;

    @Inject
    MeterRegistry meters;

    @Test
    void aDatasetWhoseOpenRowsReachTheLimitIsSealedWithExactlyThoseRowsAndTheSealIsAnnounced() throws Exception {
        String dataset = create(limits(3, 0));
        importRows(channel, dataset, 3);

        Dataset sealed = latestVersionReaching(ingest, dataset, 1, Duration.ofSeconds(10));

        assertThat(sealed.getLatestVersion()).isEqualTo(1);
        assertThat(sealed.getOpenRows()).isZero();
        DatasetVersion version = versions(dataset).get(0);
        assertThat(version.getRowCount()).isEqualTo(3);
        var events = IngestFixtures.consume(Topics.INGEST_EVENTS, record -> dataset.equals(record.key()), 1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        DatasetVersionSealed event = DatasetVersionSealed.parseFrom(events.get(0).value());
        assertThat(event.getVersion()).isEqualTo(1);
        assertThat(event.getRowCount()).isEqualTo(3);
        assertThat(event.getManifestKey()).isEqualTo(version.getManifestKey());
        assertThat(event.getManifestSha256()).isEqualTo(version.getManifestSha256());
        assertThat(autoSeals(dataset, "rows")).isEqualTo(1);
    }

    @Test
    void belowItsLimitsADatasetStaysOpen() throws Exception {
        String dataset = create(limits(5, 3600));
        importRows(channel, dataset, 4);

        Thread.sleep(2500); // two passes or more

        Dataset open = get(dataset);
        assertThat(open.getLatestVersion()).isZero();
        assertThat(open.getOpenRows()).isEqualTo(4);
    }

    @Test
    void aDatasetWhoseOldestOpenRowReachesTheAgeLimitIsSealed() throws Exception {
        String dataset = create(limits(0, 2));
        importRows(channel, dataset, 2);
        long imported = System.nanoTime();

        Dataset sealed = latestVersionReaching(ingest, dataset, 1, Duration.ofSeconds(10));
        Duration waited = Duration.ofNanos(System.nanoTime() - imported);

        assertThat(sealed.getLatestVersion()).isEqualTo(1);
        // the row is 2 s old at the seal; the pass comes within a second of that
        assertThat(waited).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
        assertThat(versions(dataset).get(0).getRowCount()).isEqualTo(2);
        assertThat(autoSeals(dataset, "age")).isEqualTo(1);
    }

    @Test
    void passesRacingEachOtherAndTheScheduledOneSealTheOpenRowsOnce() throws Exception {
        String dataset = create(AutoSeal.getDefaultInstance());
        importRows(channel, dataset, 6);
        ingest.setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(dataset).setAutoSeal(limits(6, 0)).build());

        int sealedByThePasses = 0;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> pass = autoSealer::pass;
            for (Future<Integer> sealed : pool.invokeAll(List.of(pass, pass, pass))) {
                sealedByThePasses += sealed.get();
            }
        } finally {
            pool.shutdownNow();
        }
        latestVersionReaching(ingest, dataset, 1, Duration.ofSeconds(10));
        Thread.sleep(1500); // a scheduled pass after them finds nothing to seal

        // the scheduled pass may have been first: then the three found nothing left
        assertThat(sealedByThePasses).isLessThanOrEqualTo(1);
        assertThat(versions(dataset)).extracting(DatasetVersion::getVersion, DatasetVersion::getRowCount)
                .containsExactly(tuple(1L, 6L));
        assertThat(autoSeals(dataset, "rows")).isEqualTo(1);
    }

    @Test
    void createDatasetKeepsItsAutoSealGetDatasetAnswersItAndSetAutoSealChangesOrTurnsItOff() {
        AutoSeal limits = limits(1000, 600);
        String dataset = create(limits);

        assertThat(get(dataset).getAutoSeal()).isEqualTo(limits);
        // creating it again is idempotent: the dataset keeps its own limits
        ingest.createDataset(CreateDatasetRequest.newBuilder().setName(dataset).setSchema(IRIS)
                .setAutoSeal(limits(1, 1)).build());
        assertThat(get(dataset).getAutoSeal()).isEqualTo(limits);

        SetAutoSealRequest rowsOnly = SetAutoSealRequest.newBuilder().setDataset(dataset)
                .setAutoSeal(limits(50, 0)).build();
        assertThat(ingest.setAutoSeal(rowsOnly).getAutoSeal()).isEqualTo(limits(50, 0));
        assertThat(ingest.setAutoSeal(rowsOnly).getAutoSeal()).isEqualTo(limits(50, 0));
        assertThat(get(dataset).getAutoSeal()).isEqualTo(limits(50, 0));

        Dataset off = ingest.setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(dataset)
                .setAutoSeal(limits(0, 0)).build());
        assertThat(off.hasAutoSeal()).isFalse();
        assertThat(get(dataset).hasAutoSeal()).isFalse();
    }

    @Test
    void setAutoSealRefusesANegativeLimitAndADatasetTheProjectDoesNotHave() {
        String dataset = create(AutoSeal.getDefaultInstance());
        String project = "autoseal-" + UUID.randomUUID().toString().substring(0, 8);

        assertStatus(() -> ingest.setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(dataset)
                .setAutoSeal(limits(-3, 0)).build()), Status.Code.INVALID_ARGUMENT,
                "auto_seal.max_open_rows must be 0 (off) or positive, got -3");
        assertStatus(() -> ingest.setAutoSeal(SetAutoSealRequest.newBuilder().setDataset(dataset)
                .setAutoSeal(limits(0, -60)).build()), Status.Code.INVALID_ARGUMENT,
                "auto_seal.max_age_seconds must be 0 (off) or positive, got -60");
        assertStatus(() -> ingest.createDataset(CreateDatasetRequest.newBuilder().setName(dataset + "-2")
                .setSchema(IRIS).setAutoSeal(limits(-1, 0)).build()), Status.Code.INVALID_ARGUMENT,
                "auto_seal.max_open_rows");
        assertStatus(() -> ingest.setAutoSeal(SetAutoSealRequest.newBuilder().setDataset("never-created")
                .setAutoSeal(limits(10, 0)).build()), Status.Code.NOT_FOUND, "never-created");
        // the default project's dataset is not another project's
        assertStatus(() -> IngestFixtures.inProject(ingest, project).setAutoSeal(SetAutoSealRequest.newBuilder()
                .setDataset(dataset).setAutoSeal(limits(10, 0)).build()), Status.Code.NOT_FOUND, dataset);
        assertThat(get(dataset).hasAutoSeal()).isFalse();
    }

    private String create(AutoSeal autoSeal) {
        String name = "autoseal-" + UUID.randomUUID().toString().substring(0, 8);
        ingest.createDataset(CreateDatasetRequest.newBuilder().setName(name).setSchema(IRIS).setAutoSeal(autoSeal)
                .build());
        return name;
    }

    private Dataset get(String dataset) {
        return ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build());
    }

    private List<DatasetVersion> versions(String dataset) {
        return ingest.listDatasetVersions(ListDatasetVersionsRequest.newBuilder().setDataset(dataset).build())
                .getVersionsList();
    }

    /** How many times the dataset was auto-sealed for {@code reason}, by the metric. */
    private double autoSeals(String dataset, String reason) {
        Counter counter = meters.find("aiaas_ingest_auto_seals_total")
                .tags("project", Projects.DEFAULT, "dataset", dataset, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static AutoSeal limits(long maxOpenRows, long maxAgeSeconds) {
        return AutoSeal.newBuilder().setMaxOpenRows(maxOpenRows).setMaxAgeSeconds(maxAgeSeconds).build();
    }

    /** Imports {@code rows} iris records in one CSV file. */
    private static void importRows(Channel channel, String dataset, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(IRIS_HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append("5.1,3.5,1.4,0.").append(i % 10).append(",setosa\n");
        }
        assertThat(IngestFixtures.importFile(channel, dataset, FileFormat.CSV,
                csv.toString().getBytes(StandardCharsets.UTF_8), 4096).getAccepted()).isEqualTo(rows);
    }

    /** The dataset once its latest version reaches {@code version}, or as it stands when time ran out. */
    private static Dataset latestVersionReaching(IngestServiceBlockingStub stub, String dataset, long version,
            Duration timeout) throws InterruptedException {
        GetDatasetRequest request = GetDatasetRequest.newBuilder().setName(dataset).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Dataset current = stub.getDataset(request);
        while (current.getLatestVersion() < version && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = stub.getDataset(request);
        }
        return current;
    }

    private static void assertStatus(ThrowingCallable call, Status.Code code, String descriptionPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(descriptionPart);
        });
    }
}
