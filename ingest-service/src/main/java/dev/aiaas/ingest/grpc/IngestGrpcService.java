package dev.aiaas.ingest.grpc;

import dev.aiaas.ingest.mapping.DatasetMessages;
import dev.aiaas.ingest.service.DatasetCatalog;
import dev.aiaas.ingest.service.RecordIntake;
import dev.aiaas.ingest.service.VersionCatalog;
import dev.aiaas.ingest.service.VersionSealer;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.GetDatasetVersionRequest;
import dev.aiaas.proto.ingest.v1.ImportFileRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsResponse;
import dev.aiaas.proto.ingest.v1.ListDatasetsRequest;
import dev.aiaas.proto.ingest.v1.ListDatasetsResponse;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
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

    @Inject
    VersionSealer sealer;

    @Inject
    VersionCatalog versions;

    @Override
    public void createDataset(CreateDatasetRequest request, StreamObserver<Dataset> response) {
        response.onNext(IngestMessages.toProto(catalog.create(
                request.getName(), request.getDescription(), DatasetMessages.toDomain(request.getSchema()))));
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
        return new UploadRecordsObserver(intake, response);
    }

    @Override
    public StreamObserver<ImportFileRequest> importFile(StreamObserver<UploadSummary> response) {
        return new ImportFileObserver(intake, response);
    }

    @Override
    public void sealVersion(SealVersionRequest request, StreamObserver<DatasetVersion> response) {
        response.onNext(DatasetMessages.toProto(sealer.seal(request.getDataset())));
        response.onCompleted();
    }

    @Override
    public void getDatasetVersion(GetDatasetVersionRequest request, StreamObserver<DatasetVersion> response) {
        response.onNext(DatasetMessages.toProto(versions.get(request.getDataset(), request.getVersion())));
        response.onCompleted();
    }

    @Override
    public void listDatasetVersions(ListDatasetVersionsRequest request,
            StreamObserver<ListDatasetVersionsResponse> response) {
        response.onNext(ListDatasetVersionsResponse.newBuilder()
                .addAllVersions(versions.list(request.getDataset()).stream().map(DatasetMessages::toProto).toList())
                .build());
        response.onCompleted();
    }
}
