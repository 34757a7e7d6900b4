package dev.aiaas.ingest.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.StatusMapping;
import dev.aiaas.ingest.service.DatasetCatalog;
import dev.aiaas.ingest.service.RecordIntake;
import dev.aiaas.ingest.service.UploadSession;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsResponse;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/** Ingest's gRPC edge. */
@GrpcService
@Blocking
public class IngestGrpcService extends IngestServiceGrpc.IngestServiceImplBase {

    @Inject
    DatasetCatalog catalog;

    @Inject
    RecordIntake intake;

    @Override
    public void createDataset(CreateDatasetRequest request, StreamObserver<Dataset> response) {
        response.onNext(IngestMessages.toProto(catalog.create(
                request.getName(), request.getDescription(), IngestMessages.toDomain(request.getSchema()))));
        response.onCompleted();
    }

    @Override
    public void getDataset(GetDatasetRequest request, StreamObserver<Dataset> response) {
        response.onNext(IngestMessages.toProto(catalog.get(request.getName())));
        response.onCompleted();
    }

    @Override
    public void listDatasets(ListDatasetsRequest request, StreamObserver<ListDatasetsResponse> response) {
        response.onNext(ListDatasetsResponse.newBuilder()
                .addAllDatasets(catalog.list().stream().map(IngestMessages::toProto).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public StreamObserver<UploadRecordsRequest> uploadRecords(StreamObserver<UploadSummary> response) {
        return new StreamObserver<>() {
            private UploadSession session;
            private boolean failed;

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
                        session.add(IngestMessages.toRaw(record));
                    }
                } catch (RuntimeException e) {
                    failed = true;
                    response.onError(StatusMapping.toStatus(e).asRuntimeException());
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
                    response.onError(StatusMapping.toStatus(e).asRuntimeException());
                }
            }
        };
    }
}
