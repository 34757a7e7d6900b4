package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecordUploadTest {

    private static final IrisRow VIRGINICA = new IrisRow(List.of(6.3, 3.3, 6.0, 2.5), "virginica");

    @Test
    void theFirstMessageNamesTheDatasetAndUploadIdAndTheRecordsFollowInOrderAFewHundredAMessage() {
        List<Record> records = IntStream.range(0, 1_150).mapToObj(i -> VIRGINICA.drifted(i / 100.0).record()).toList();

        List<UploadRecordsRequest> messages = RecordUpload.messages("drift-iris", "u-1", records, 500);

        assertThat(messages).extracting(UploadRecordsRequest::getRecordsCount).containsExactly(500, 500, 150);
        assertThat(messages.get(0).getDataset()).isEqualTo("drift-iris");
        assertThat(messages.get(0).getUploadId()).isEqualTo("u-1");
        assertThat(messages.subList(1, 3)).allSatisfy(m -> assertThat(m.getDataset() + m.getUploadId()).isEmpty());
        assertThat(messages.stream().flatMap(m -> m.getRecordsList().stream()).toList()).isEqualTo(records);
        assertThat(RecordUpload.messages("drift-iris", "u-2", List.of(), 500)).singleElement()
                .satisfies(m -> assertThat(m.getDataset()).isEqualTo("drift-iris"));
        assertThatThrownBy(() -> RecordUpload.messages("drift-iris", "u-3", records, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUploadCutOffOnTheWayIsSentAgainWithTheSameIdAndItsSummaryReturned() throws Exception {
        Ingest ingest = new Ingest(1);
        List<Record> records = IntStream.range(0, 150).mapToObj(i -> VIRGINICA.drifted(3.0).record()).toList();

        UploadSummary summary = withIngest(ingest, channel -> RecordUpload.send(IngestServiceGrpc.newStub(channel),
                "drift-iris", records));

        assertThat(summary.getAccepted()).isEqualTo(150);
        assertThat(ingest.streams).hasSize(2);
        assertThat(ingest.streams.get(1).get(0).getUploadId()).isNotEmpty()
                .isEqualTo(ingest.streams.get(0).get(0).getUploadId());
        assertThat(ingest.streams.get(1).get(0).getRecordsList()).isEqualTo(records);
    }

    @Test
    void anUploadIngestRefusesIsNotRetried() throws Exception {
        Ingest ingest = new Ingest(0);
        ingest.refusal = Status.NOT_FOUND.withDescription("no dataset named 'drift-iris'");

        assertThatThrownBy(() -> withIngest(ingest, channel -> RecordUpload.send(IngestServiceGrpc.newStub(channel),
                "drift-iris", List.of(VIRGINICA.record())))).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("NOT_FOUND: no dataset named 'drift-iris'");
        assertThat(ingest.streams).hasSize(1);
    }

    private interface Call<T> {
        T on(ManagedChannel channel) throws Exception;
    }

    private static <T> T withIngest(Ingest ingest, Call<T> call) throws Exception {
        Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(ingest).build()
                .start();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.getPort(),
                InsecureChannelCredentials.create()).build();
        try {
            return call.on(channel);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Ingest that keeps every stream's messages, drops the first {@code dropped} streams as UNAVAILABLE. */
    private static final class Ingest extends IngestServiceGrpc.IngestServiceImplBase {

        final List<List<UploadRecordsRequest>> streams = new CopyOnWriteArrayList<>();
        private final AtomicInteger dropped;
        volatile Status refusal;

        Ingest(int dropped) {
            this.dropped = new AtomicInteger(dropped);
        }

        @Override
        public StreamObserver<UploadRecordsRequest> uploadRecords(StreamObserver<UploadSummary> response) {
            List<UploadRecordsRequest> messages = new CopyOnWriteArrayList<>();
            streams.add(messages);
            return new StreamObserver<>() {
                @Override
                public void onNext(UploadRecordsRequest value) {
                    messages.add(value);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    if (refusal != null) {
                        response.onError(refusal.asRuntimeException());
                    } else if (dropped.getAndDecrement() > 0) {
                        response.onError(Status.UNAVAILABLE.withDescription("ingest restarts").asRuntimeException());
                    } else {
                        long records = messages.stream().mapToLong(UploadRecordsRequest::getRecordsCount).sum();
                        response.onNext(UploadSummary.newBuilder().setDataset(messages.get(0).getDataset())
                                .setAccepted(records).setOpenRows(records).build());
                        response.onCompleted();
                    }
                }
            };
        }
    }
}
