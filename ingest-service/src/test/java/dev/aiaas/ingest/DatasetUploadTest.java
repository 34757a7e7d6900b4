package dev.aiaas.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class DatasetUploadTest {

    private static final Schema IRIS = Schema.newBuilder()
            .addColumns(column("sepal_length", ColumnType.DOUBLE, true))
            .addColumns(column("petal_length", ColumnType.DOUBLE, false))
            .addColumns(column("species", ColumnType.STRING, false))
            .setLabelColumn("species")
            .build();

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    Channel channel;

    @Test
    void validRecordsAreStoredAndBadOnesReportedWithRowAndReason() throws Exception {
        String dataset = create();

        UploadSummary summary = upload(dataset, List.of(
                record(5.1, 1.4, "setosa"),
                Record.newBuilder().putFields("sepal_length", Value.newBuilder().setStringValue("abc").build())
                        .putFields("petal_length", Value.newBuilder().setDoubleValue(1.0).build())
                        .putFields("species", Value.newBuilder().setStringValue("setosa").build()).build(),
                record(6.3, 4.9, "versicolor"),
                Record.newBuilder().putFields("petal_length", Value.newBuilder().setDoubleValue(5.0).build()).build()));

        assertThat(summary.getAccepted()).isEqualTo(2);
        assertThat(summary.getRejected()).isEqualTo(2);
        assertThat(summary.getErrorsList()).extracting(e -> e.getRow()).containsExactly(1L, 3L);
        assertThat(summary.getErrors(0).getReason()).contains("sepal_length").contains("'abc' is not a number");
        assertThat(summary.getErrors(1).getReason()).contains("species is missing (it is the label)");
        assertThat(ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows())
                .isEqualTo(2);
    }

    @Test
    void creatingTheSameDatasetTwiceIsIdempotentButAnotherSchemaConflicts() {
        String dataset = create();
        var again = ingest.createDataset(CreateDatasetRequest.newBuilder().setName(dataset).setSchema(IRIS).build());
        assertThat(again.getSchema()).isEqualTo(IRIS);

        assertThatThrownBy(() -> ingest.createDataset(CreateDatasetRequest.newBuilder().setName(dataset)
                .setSchema(IRIS.toBuilder().setColumns(0, column("sepal_length", ColumnType.INT64, true))).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
    }

    @Test
    void badSchemaAndUnknownDatasetAreRefused() {
        assertThatThrownBy(() -> ingest.createDataset(CreateDatasetRequest.newBuilder().setName("x-" + suffix())
                .setSchema(IRIS.toBuilder().setLabelColumn("colour")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("colour");
                });
        assertThatThrownBy(() -> upload("never-created-" + suffix(), List.of(record(1, 1, "setosa"))))
                .hasCauseInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("NOT_FOUND");
    }

    private String create() {
        String name = "iris-" + suffix();
        ingest.createDataset(CreateDatasetRequest.newBuilder().setName(name).setSchema(IRIS).build());
        return name;
    }

    private UploadSummary upload(String dataset, List<Record> records)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        CompletableFuture<UploadSummary> result = new CompletableFuture<>();
        StreamObserver<UploadRecordsRequest> stream = IngestServiceGrpc.newStub(channel)
                .uploadRecords(IngestFixtures.completing(result));
        stream.onNext(UploadRecordsRequest.newBuilder().setDataset(dataset).addRecords(records.get(0)).build());
        stream.onNext(UploadRecordsRequest.newBuilder().addAllRecords(records.subList(1, records.size())).build());
        stream.onCompleted();
        return result.get(20, TimeUnit.SECONDS);
    }

    private static Record record(double sepal, double petal, String species) {
        return Record.newBuilder()
                .putFields("sepal_length", Value.newBuilder().setDoubleValue(sepal).build())
                .putFields("petal_length", Value.newBuilder().setDoubleValue(petal).build())
                .putFields("species", Value.newBuilder().setStringValue(species).build())
                .build();
    }

    private static Column column(String name, ColumnType type, boolean nullable) {
        return Column.newBuilder().setName(name).setType(type).setNullable(nullable).build();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
