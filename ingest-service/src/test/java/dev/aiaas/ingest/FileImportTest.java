package dev.aiaas.ingest;

import static dev.aiaas.ingest.IngestFixtures.DIGITS;
import static dev.aiaas.ingest.IngestFixtures.IRIS;
import static dev.aiaas.ingest.IngestFixtures.create;
import static dev.aiaas.ingest.IngestFixtures.importFile;
import static dev.aiaas.ingest.IngestFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.RecordError;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class FileImportTest {

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    Channel channel;

    @Test
    void theBundledIrisCsvImportsAllHundredAndFiftyRows() throws Exception {
        String dataset = create(ingest, "iris", IRIS);

        UploadSummary summary = importFile(channel, dataset, FileFormat.CSV, read(IngestFixtures.IRIS_CSV), 1000);

        assertThat(summary.getAccepted()).isEqualTo(150);
        assertThat(summary.getRejected()).isZero();
        assertThat(summary.getOpenRows()).isEqualTo(150);
    }

    @Test
    void csvRowsThatCannotBeReadOrBreakTheSchemaAreReportedAndTheOthersStored() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        String csv = "species,sepal_length,sepal_width,petal_length,petal_width\n"
                + "\"Iris \"\"setosa\"\", wild\",5.0,3.4,1.5,0.2\n"
                + "setosa,4.4,2.9,1.4\n"
                + "setosa,abc,2.9,1.4,0.2\n"
                + "virginica,6.3,3.3,6.0,2.5\n";

        UploadSummary summary = importFile(channel, dataset, FileFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), 16);

        assertThat(summary.getAccepted()).isEqualTo(2);
        assertThat(summary.getRejected()).isEqualTo(2);
        assertThat(summary.getErrorsList()).extracting(RecordError::getRow).containsExactly(1L, 2L);
        assertThat(summary.getErrors(0).getReason()).isEqualTo("line 3: 4 fields, but the header names 5 columns");
        assertThat(summary.getErrors(1).getReason()).contains("sepal_length").contains("'abc' is not a number");
        assertThat(openRows(dataset)).isEqualTo(2);
    }

    @Test
    void aCsvHeaderThatDoesNotMatchTheSchemaIsRefusedNamingTheColumns() {
        String dataset = create(ingest, "iris", IRIS);
        String csv = "sepal_length,sepal_width,petal_length,colour\n5.1,3.5,1.4,red\n";

        assertStatus(() -> importFile(channel, dataset, FileFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), 1024),
                Status.Code.INVALID_ARGUMENT, "columns not in the schema: [colour]", "required columns missing: [petal_width, species]");
        assertThat(openRows(dataset)).isZero();
    }

    @Test
    void aJsonLinesFileStoresItsObjectsAndReportsTheLineThatIsNotJson() throws Exception {
        String dataset = create(ingest, "iris", IRIS);
        String jsonl = "{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2, \"species\": \"setosa\"}\n"
                + "sepal_length=5.1\n"
                + "{\"sepal_length\": 6.3, \"sepal_width\": 3.3, \"petal_length\": 6, \"petal_width\": 2.5, \"species\": \"virginica\"}\n";

        UploadSummary summary = importFile(channel, dataset, FileFormat.JSONL, jsonl.getBytes(StandardCharsets.UTF_8), 10);

        assertThat(summary.getAccepted()).isEqualTo(2);
        assertThat(summary.getErrorsList()).singleElement().satisfies(error -> {
            assertThat(error.getRow()).isEqualTo(1);
            assertThat(error.getReason()).startsWith("line 2 is not JSON");
        });
    }

    @Test
    void theBundledDigitsImportAllTenThousandImages() throws Exception {
        String dataset = create(ingest, "digits", DIGITS);

        UploadSummary summary = importFile(channel, dataset, FileFormat.IMAGE_RECORDS_GZ, read(IngestFixtures.MNIST), 64 * 1024);

        assertThat(summary.getAccepted()).isEqualTo(10_000);
        assertThat(summary.getRejected()).isZero();
        assertThat(openRows(dataset)).isEqualTo(10_000);
    }

    @Test
    void unknownDatasetsMissingHeadersAndFormatsTheSchemaCannotTakeAreRefused() {
        String iris = create(ingest, "iris", IRIS);
        byte[] digits = read(IngestFixtures.MNIST);

        assertStatus(() -> importFile(channel, "never-created", FileFormat.CSV, new byte[] {'a'}, 1),
                Status.Code.NOT_FOUND, "never-created");
        assertStatus(() -> importFile(channel, iris, FileFormat.IMAGE_RECORDS_GZ, digits, 64 * 1024),
                Status.Code.INVALID_ARGUMENT, "exactly one IMAGE_U8 column");
        assertStatus(() -> importFile(channel, iris, FileFormat.FILE_FORMAT_UNSPECIFIED, new byte[] {'a'}, 1),
                Status.Code.INVALID_ARGUMENT, "names no format");
    }

    private long openRows(String dataset) {
        return ingest.getDataset(GetDatasetRequest.newBuilder().setName(dataset).build()).getOpenRows();
    }

    private static void assertStatus(ThrowingCallable call, Status.Code code, String... descriptionParts) {
        assertThatThrownBy(call).satisfies(failure -> {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            assertThat(cause).isInstanceOf(StatusRuntimeException.class);
            Status status = ((StatusRuntimeException) cause).getStatus();
            assertThat(status.getCode()).isEqualTo(code);
            assertThat(status.getDescription()).contains(descriptionParts);
        });
    }
}
