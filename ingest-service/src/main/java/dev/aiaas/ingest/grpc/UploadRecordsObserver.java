package dev.aiaas.ingest.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.mapping.ProtoRecords;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.ingest.service.RecordIntake;
import dev.aiaas.ingest.service.UploadSession;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.stub.StreamObserver;

/**
 * One UploadRecords stream: the first message names the dataset (of the project the call was
 * admitted for), every message may carry records.
 */
final class UploadRecordsObserver extends IntakeStream<UploadRecordsRequest> {

    private final RecordIntake intake;
    private final String project;
    private UploadSession session;

    UploadRecordsObserver(RecordIntake intake, String project, StreamObserver<UploadSummary> response) {
        super(response);
        this.intake = intake;
        this.project = project;
    }

    @Override
    void accept(UploadRecordsRequest message) {
        if (session == null) {
            if (message.getDataset().isEmpty()) {
                throw DomainException.invalid("the first message of UploadRecords must name the dataset");
            }
            session = intake.open(project, message.getDataset(), message.getUploadId());
        }
        for (Record record : message.getRecordsList()) {
            session.add(ProtoRecords.toRaw(record));
        }
    }

    @Override
    IntakeSummary finish() {
        if (session == null) {
            throw DomainException.invalid("UploadRecords received no message: name the dataset and send records");
        }
        return session.finish();
    }
}
