package dev.aiaas.ingest.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ingest.model.IntakeSummary;
import dev.aiaas.ingest.service.FileImport;
import dev.aiaas.ingest.service.RecordIntake;
import dev.aiaas.proto.ingest.v1.ImportFileHeader;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.stub.StreamObserver;

/**
 * One ImportFile stream: the header first, then the file's bytes, parsed chunk by chunk as
 * they arrive. Each chunk is parsed (and every full batch stored) before the next one is
 * handed over: the file is never held in memory as a whole. The dataset is the one of the
 * project the call was admitted for.
 */
final class ImportFileObserver extends IntakeStream<ImportFileRequest> {

    private final RecordIntake intake;
    private final String project;
    private FileImport fileImport;

    ImportFileObserver(RecordIntake intake, String project, StreamObserver<UploadSummary> response) {
        super(response);
        this.intake = intake;
        this.project = project;
    }

    @Override
    void accept(ImportFileRequest message) {
        if (fileImport == null) {
            fileImport = start(message);
        } else if (message.hasHeader()) {
            throw DomainException.invalid("ImportFile got a second header: send the header once, then the bytes");
        } else {
            fileImport.accept(message.getData().toByteArray());
        }
    }

    @Override
    IntakeSummary finish() {
        if (fileImport == null) {
            throw DomainException.invalid("ImportFile received no message: send the header, then the file's bytes");
        }
        return fileImport.finish();
    }

    private FileImport start(ImportFileRequest message) {
        if (!message.hasHeader()) {
            throw DomainException.invalid("the first message of ImportFile must be the header (dataset and format)");
        }
        ImportFileHeader header = message.getHeader();
        return intake.importFile(project, header.getDataset(), IngestMessages.toDomain(header.getFormat()),
                header.getLabelBytes(), header.getUploadId());
    }
}
