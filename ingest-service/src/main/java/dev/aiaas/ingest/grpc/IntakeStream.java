package dev.aiaas.ingest.grpc;

import dev.aiaas.errors.StatusMapping;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.stub.StreamObserver;

/**
 * A client stream that feeds records into a dataset and answers with one summary: the part
 * both UploadRecords and ImportFile share. After the first failure the stream answers the
 * error once and ignores what follows; a client that goes away keeps what full batches stored.
 */
abstract class IntakeStream<T> implements StreamObserver<T> {

    private final StreamObserver<UploadSummary> response;
    private boolean failed;

    IntakeStream(StreamObserver<UploadSummary> response) {
        this.response = response;
    }

    /** Takes one message of the stream. */
    abstract void accept(T message);

    /** Stores what is left and reports the whole stream; refuses a stream that sent nothing. */
    abstract IntakeSummary finish();

    @Override
    public final void onNext(T message) {
        if (failed) {
            return;
        }
        try {
            accept(message);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public final void onError(Throwable t) {
        failed = true;
    }

    @Override
    public final void onCompleted() {
        if (failed) {
            return;
        }
        try {
            response.onNext(IngestMessages.toProto(finish()));
            response.onCompleted();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        failed = true;
        response.onError(StatusMapping.toStatus(e).asRuntimeException());
    }
}
