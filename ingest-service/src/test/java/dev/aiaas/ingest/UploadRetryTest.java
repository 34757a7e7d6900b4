package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static dev.aiaas.ingest.IngestFixtures.create;
import static dev.aiaas.ingest.IngestFixtures.importFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client that retries an upload with the same upload id stores every record once. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class UploadRetryTest {

    private static final int ROWS = 2_000;

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    Channel channel;

    @Test
    void anImportCutMidStreamAndRetriedWithTheSameIdStoresEachRowOnce() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        byte[] csv = irisCsv(ROWS);
        ImportFileHeader header = header(dataset, "import-" + UUID.randomUUID());

        long storedBeforeTheCut = importUntilCut(header, csv);
        UploadSummary retry = importFile(channel, header, csv, 8192);

        assertThat(storedBeforeTheCut).isBetween(1L, ROWS - 1L);
        assertThat(retry.getAlreadyStored()).isEqualTo(storedBeforeTheCut);
        assertThat(retry.getAccepted()).isEqualTo(ROWS - storedBeforeTheCut);
        assertThat(openRows(dataset)).isEqualTo(ROWS);
    }

    @Test
    void aCompletedImportSentAgainWithItsIdStoresNothing() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        byte[] csv = irisCsv(ROWS);
        ImportFileHeader header = header(dataset, "import-" + UUID.randomUUID());

        importFile(channel, header, csv, 8192);
        UploadSummary again = importFile(channel, header, csv, 8192);

        assertThat(again.getAccepted()).isZero();
        assertThat(again.getAlreadyStored()).isEqualTo(ROWS);
        assertThat(openRows(dataset)).isEqualTo(ROWS);
    }

    @Test
    void theSameImportWithoutAnIdIsStoredTwice() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        byte[] csv = irisCsv(300);
        ImportFileHeader header = ImportFileHeader.newBuilder().setDataset(dataset).setFormat(FileFormat.CSV).build();

        importFile(channel, header, csv, 8192);
        importFile(channel, header, csv, 8192);

        assertThat(openRows(dataset)).isEqualTo(600);
    }

    @Test
    void anUploadRetriedWithTheSameIdStoresNothingTwice() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        String uploadId = UUID.randomUUID().toString();

        UploadSummary first = upload(dataset, uploadId, 1_200);
        UploadSummary retry = upload(dataset, uploadId, 1_200);

        assertThat(first.getAccepted()).isEqualTo(1_200);
        assertThat(retry.getAccepted()).isZero();
        assertThat(retry.getAlreadyStored()).isEqualTo(1_200);
        assertThat(openRows(dataset)).isEqualTo(1_200);
    }

    @Test
    void anUploadIdOutsideTheRuleIsRefusedWithTheRule() {
        String dataset = create(ingest, "iris", IRIS);

        assertThatThrownBy(() -> upload(dataset, "not an id/", 1))
                .cause().isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("1 to 128 of A-Z a-z 0-9 . _ : -");
                });
    }

    /** Sends half the file, waits until the service stored some rows, then cancels the call. */
    private long importUntilCut(ImportFileHeader header, byte[] csv) throws InterruptedException {
        CompletableFuture<UploadSummary> ignored = new CompletableFuture<>();
        StreamObserver<ImportFileRequest> stream = IngestServiceGrpc.newStub(channel).importFile(IngestFixtures.completing(ignored));
        stream.onNext(ImportFileRequest.newBuilder().setHeader(header).build());
        int half = csv.length / 2;
        for (int offset = 0; offset < half; offset += 4096) {
            stream.onNext(ImportFileRequest.newBuilder()
                    .setData(ByteString.copyFrom(csv, offset, Math.min(4096, half - offset))).build());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (openRows(header.getDataset()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stream.onError(Status.CANCELLED.withDescription("the client's connection dropped").asRuntimeException());
        Thread.sleep(500); // let the service see the cancellation before the retry
        return openRows(header.getDataset());
    }

    private UploadSummary upload(String dataset, String uploadId, int records)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        CompletableFuture<UploadSummary> result = new CompletableFuture<>();
        StreamObserver<UploadRecordsRequest> stream = IngestServiceGrpc.newStub(channel).uploadRecords(IngestFixtures.completing(result));
        UploadRecordsRequest.Builder message = UploadRecordsRequest.newBuilder().setDataset(dataset).setUploadId(uploadId);
        for (int i = 0; i < records; i++) {
            message.addRecords(Record.newBuilder()
                    .putFields("sepal_length", number(5.0 + i % 10 / 10.0)).putFields("sepal_width", number(3.4))
                    .putFields("petal_length", number(1.5)).putFields("petal_width", number(0.2))
                    .putFields("species", Value.newBuilder().setStringValue("setosa").build()));
            if (message.getRecordsCount() == 100) {
                stream.onNext(message.build());
                message = UploadRecordsRequest.newBuilder();
            }
        }
        if (message.getRecordsCount() > 0 || records == 0) {
            stream.onNext(message.build());
        }
        stream.onCompleted();
        return result.get(60, TimeUnit.SECONDS);
    }

    private static ImportFileHeader header(String dataset, String uploadId) {
        return ImportFileHeader.newBuilder().setDataset(dataset).setFormat(FileFormat.CSV).setUploadId(uploadId).build();
    }

    private static byte[] irisCsv(int rows) {
        StringBuilder csv = new StringBuilder("sepal_length,sepal_width,petal_length,petal_width,species\n");
        for (int i = 0; i < rows; i++) {
            csv.append(5.0 + i % 10 / 10.0).append(",3.4,1.5,0.2,setosa\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long openRows(String dataset) {
        return ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows();
    }

    private static Value number(double value) {
        return Value.newBuilder().setDoubleValue(value).build();
    }
}
