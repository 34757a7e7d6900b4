package dev.aiaas.cli.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.common.v1.Schema;
import dev.aiaas.proto.ingest.v1.AutoSeal;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsResponse;
import dev.aiaas.proto.ingest.v1.SetAutoSealRequest;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiaas datasets auto-seal}, {@code create --auto-seal-*} and {@code show} against a stand-in
 * of ingest: the limits they send, in seconds, and how the limits are printed.
 */
class AutoSealCommandTest {

    @TempDir
    Path home;

    private final Ingest ingest = new Ingest();
    private StandInStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = new StandInStack(home, ingest);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void autoSealSendsTheRowsAndTheAgeInSecondsAndPrintsTheLimits() {
        int exit = stack.run("datasets", "auto-seal", "penguins", "--rows", "10000", "--age", "10m");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(ingest.autoSealSet).isEqualTo(SetAutoSealRequest.newBuilder().setDataset("penguins")
                .setAutoSeal(limits(10_000, 600)).build());
        assertThat(stack.out()).contains("auto-seal:       at 10000 open rows, or when the oldest is 10m old");
    }

    @Test
    void autoSealWithoutLimitsOrWithZerosTurnsAutoSealingOff() {
        for (String[] args : new String[][] {{}, {"--rows", "0", "--age", "0"}}) {
            stack.forgetOutput();
            String[] command = new String[3 + args.length];
            System.arraycopy(new String[] {"datasets", "auto-seal", "penguins"}, 0, command, 0, 3);
            System.arraycopy(args, 0, command, 3, args.length);

            int exit = stack.run(command);

            assertThat(exit).as(stack.err()).isZero();
            assertThat(ingest.autoSealSet.getAutoSeal()).isEqualTo(limits(0, 0));
            assertThat(stack.out()).contains("auto-seal:       off");
        }
    }

    @Test
    void anAgeThatIsNotALengthOfTimeOrNotWholeSecondsIsAUsageErrorAndNothingIsSent() {
        assertThat(stack.run("datasets", "auto-seal", "penguins", "--age", "soon")).isEqualTo(2);
        assertThat(stack.err()).contains("'soon' is not a length of time (0 for off)");
        assertThat(stack.run("datasets", "auto-seal", "penguins", "--age", "PT1.5S")).isEqualTo(2);
        assertThat(stack.err()).contains("--age takes whole seconds");

        assertThat(ingest.autoSealSet).isNull();
    }

    @Test
    void createSendsItsAutoSealLimitsWithTheSchema() {
        int exit = stack.run("datasets", "create", "penguins", "--column", "species:string", "--column",
                "mass:double", "--label", "species", "--auto-seal-rows", "500", "--auto-seal-age", "2h");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(ingest.created.getAutoSeal()).isEqualTo(limits(500, 7200));
        assertThat(ingest.created.getSchema().getColumnsCount()).isEqualTo(2);
        assertThat(stack.out()).contains("auto-seal:       at 500 open rows, or when the oldest is 2h old");
    }

    @Test
    void showPrintsTheLimitsAndItsJsonCarriesThem() throws Exception {
        ingest.dataset = ingest.dataset.toBuilder().setAutoSeal(limits(0, 90)).build();

        assertThat(stack.run("datasets", "show", "penguins")).as(stack.err()).isZero();
        assertThat(stack.out()).contains("auto-seal:       when the oldest is 90s old");

        stack.forgetOutput();
        assertThat(stack.run("datasets", "show", "penguins", "--output", "json")).as(stack.err()).isZero();
        Dataset.Builder printed = Dataset.newBuilder();
        JsonFormat.parser().merge(new ObjectMapper().readTree(stack.out()).get("dataset").toString(), printed);
        assertThat(printed.getAutoSeal()).isEqualTo(limits(0, 90));
    }

    private static AutoSeal limits(long rows, long ageSeconds) {
        return AutoSeal.newBuilder().setMaxOpenRows(rows).setMaxAgeSeconds(ageSeconds).build();
    }

    /** Ingest as these commands see it: keeps what it was sent and answers its one dataset. */
    private static final class Ingest extends IngestServiceGrpc.IngestServiceImplBase {
        volatile Dataset dataset = Dataset.newBuilder().setName("penguins").setSchema(Schema.getDefaultInstance())
                .build();
        volatile SetAutoSealRequest autoSealSet;
        volatile CreateDatasetRequest created;

        @Override
        public void setAutoSeal(SetAutoSealRequest request, StreamObserver<Dataset> response) {
            autoSealSet = request;
            dataset = request.getAutoSeal().getMaxOpenRows() == 0 && request.getAutoSeal().getMaxAgeSeconds() == 0
                    ? dataset.toBuilder().clearAutoSeal().build()
                    : dataset.toBuilder().setAutoSeal(request.getAutoSeal()).build();
            answer(response, dataset);
        }

        @Override
        public void createDataset(CreateDatasetRequest request, StreamObserver<Dataset> response) {
            created = request;
            dataset = Dataset.newBuilder().setName(request.getName()).setSchema(request.getSchema())
                    .setAutoSeal(request.getAutoSeal()).build();
            answer(response, dataset);
        }

        @Override
        public void getDataset(GetDatasetRequest request, StreamObserver<Dataset> response) {
            answer(response, dataset);
        }

        @Override
        public void listDatasetVersions(ListDatasetVersionsRequest request,
                StreamObserver<ListDatasetVersionsResponse> response) {
            answer(response, ListDatasetVersionsResponse.getDefaultInstance());
        }

        private static <T> void answer(StreamObserver<T> response, T value) {
            response.onNext(value);
            response.onCompleted();
        }
    }
}
