package dev.aiaas.ingest.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.StatusMapping;
import dev.aiaas.ingest.mapping.ProtoRecords;
import dev.aiaas.ingest.service.RecordIntake;
import dev.aiaas.ingest.service.UploadSession;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.stub.StreamObserver;

/** One UploadRecords stream: the first message names the dataset, every message may carry records. */
final class UploadRecordsObserver implements StreamObserver<UploadRecordsRequest> {

    private final RecordIntake intake;
    private final StreamObserver<UploadSummary> response;
    private UploadSession session;
    private boolean failed;

    UploadRecordsObserver(RecordIntake intake, StreamObserver<UploadSummary> response) {
        this.intake = intake;
        this.response = response;
    }

    @Override
    public void onNext(UploadRecordsRequest message) {
        if (failed) {
            return;
        }
        try {
            if (session == null) {
                if (message.getDataset().isEmpty()) {
                    throw DomainException.invalid("the first message of UploadRecords must name the dataset");
                }
                session = intake.open(message.getDataset());
            }
            for (Record record : message.getRecordsList()) {
                session.add(ProtoRecords.toRaw(record));
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        failed = true; // the client went away: what was stored in full batches stays
    }

    @Override
    public void onCompleted() {
        if (failed) {
            return;
        }
        try {
            if (session == null) {
                throw DomainException.invalid("UploadRecords received no message: name the dataset and send records");
            }
            response.onNext(IngestMessages.toProto(session.finish()));
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
