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
import dev.aiaas.proto.ingest.v1.SetAutoSealRequest;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/**
 * Ingest's gRPC edge. Every call acts within the project it was admitted for
 * ({@link ProjectScope#current()}), read here and handed to the domain; a client stream reads it
 * when the call starts, as its messages may arrive on threads that do not carry the call's context.
 */
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
        response.onNext(IngestMessages.toProto(catalog.create(ProjectScope.current(), request.getName(),
                request.getDescription(), DatasetMessages.toDomain(request.getSchema()),
                DatasetMessages.toDomain(request.getAutoSeal()))));
        response.onCompleted();
    }

    @Override
    public void setAutoSeal(SetAutoSealRequest request, StreamObserver<Dataset> response) {
        response.onNext(IngestMessages.toProto(catalog.setAutoSeal(ProjectScope.current(), request.getDataset(),
                DatasetMessages.toDomain(request.getAutoSeal()))));
        response.onCompleted();
    }

    @Override
    public void getDataset(GetDatasetRequest request, StreamObserver<Dataset> response) {
        response.onNext(IngestMessages.toProto(catalog.get(ProjectScope.current(), request.getName())));
        response.onCompleted();
    }

    @Override
    public void listDatasets(ListDatasetsRequest request, StreamObserver<ListDatasetsResponse> response) {
        response.onNext(ListDatasetsResponse.newBuilder()
                .addAllDatasets(catalog.list(ProjectScope.current()).stream().map(IngestMessages::toProto).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public StreamObserver<UploadRecordsRequest> uploadRecords(StreamObserver<UploadSummary> response) {
        return new UploadRecordsObserver(intake, ProjectScope.current(), response);
    }

    @Override
    public StreamObserver<ImportFileRequest> importFile(StreamObserver<UploadSummary> response) {
        return new ImportFileObserver(intake, ProjectScope.current(), response);
    }

    @Override
    public void sealVersion(SealVersionRequest request, StreamObserver<DatasetVersion> response) {
        response.onNext(DatasetMessages.toProto(sealer.seal(ProjectScope.current(), request.getDataset())));
        response.onCompleted();
    }

    @Override
    public void getDatasetVersion(GetDatasetVersionRequest request, StreamObserver<DatasetVersion> response) {
        response.onNext(DatasetMessages.toProto(versions.get(ProjectScope.current(), request.getDataset(),
                request.getVersion())));
        response.onCompleted();
    }

    @Override
    public void listDatasetVersions(ListDatasetVersionsRequest request,
            StreamObserver<ListDatasetVersionsResponse> response) {
        response.onNext(ListDatasetVersionsResponse.newBuilder()
                .addAllVersions(versions.list(ProjectScope.current(), request.getDataset()).stream()
                        .map(DatasetMessages::toProto).toList())
                .build());
        response.onCompleted();
    }
}
