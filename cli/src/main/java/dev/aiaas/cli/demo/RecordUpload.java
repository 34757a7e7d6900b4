package dev.aiaas.cli.demo;

import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceStub;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams records to ingest's UploadRecords, as a producer of new data would, and waits for the
 * summary. Like {@link FileImport}, a stream carries an upload id, so one that fails on the way is
 * sent again with the same id and ingest stores each record once.
 */
public final class RecordUpload {

    /** Records per message: a few hundred rows of a table keep each message far below gRPC's 4 MiB. */
    public static final int PER_MESSAGE = 500;
    private static final int ATTEMPTS = 5;
    private static final Set<Status.Code> RETRIED = Set.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED,
            Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED);

    private RecordUpload() {
    }

    /**
     * The messages of one stream: the first names the dataset and the upload id, and each carries
     * up to {@code perMessage} records, in order (an empty upload is the first message alone).
     */
    public static List<UploadRecordsRequest> messages(String dataset, String uploadId, List<Record> records,
            int perMessage) {
        if (perMessage < 1) {
            throw new IllegalArgumentException("records per message must be 1 or more, not " + perMessage);
        }
        List<UploadRecordsRequest> messages = new ArrayList<>();
        UploadRecordsRequest.Builder first = UploadRecordsRequest.newBuilder().setDataset(dataset)
                .setUploadId(uploadId);
        for (int from = 0; from < records.size() || from == 0; from += perMessage) {
            List<Record> part = records.subList(from, Math.min(records.size(), from + perMessage));
            messages.add((from == 0 ? first : UploadRecordsRequest.newBuilder()).addAllRecords(part).build());
        }
        return messages;
    }

    /** Uploads the records, retrying a failed stream up to {@value #ATTEMPTS} times with one upload id. */
    public static UploadSummary send(IngestServiceStub ingest, String dataset, List<Record> records)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<UploadRecordsRequest> messages = messages(dataset, UUID.randomUUID().toString(), records, PER_MESSAGE);
        for (int attempt = 1; ; attempt++) {
            try {
                return send(ingest, messages);
            } catch (ExecutionException e) {
                if (attempt >= ATTEMPTS || !(e.getCause() instanceof StatusRuntimeException failure)
                        || !RETRIED.contains(failure.getStatus().getCode())) {
                    throw e;
                }
                Thread.sleep(500L << attempt);
            }
        }
    }

    /** Sends one UploadRecords stream of {@code messages} and waits for its summary. */
    private static UploadSummary send(IngestServiceStub ingest, List<UploadRecordsRequest> messages)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<UploadSummary> summary = new CompletableFuture<>();
        StreamObserver<UploadRecordsRequest> upload = ingest.uploadRecords(new StreamObserver<>() {
            @Override
            public void onNext(UploadSummary value) {
                summary.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                summary.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                summary.completeExceptionally(new IllegalStateException("ingest ended the upload without a summary"));
            }
        });
        for (UploadRecordsRequest message : messages) {
            if (summary.isDone()) {
                break; // ingest answered early (an error): the rest would go nowhere
            }
            upload.onNext(message);
        }
        upload.onCompleted();
        return summary.get(2, TimeUnit.MINUTES);
    }
}
