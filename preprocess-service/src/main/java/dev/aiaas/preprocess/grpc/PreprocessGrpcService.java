package dev.aiaas.preprocess.grpc;

import dev.aiaas.preprocess.mapping.PipelineSpecs;
import dev.aiaas.preprocess.service.Preparation;
import dev.aiaas.preprocess.service.PreparedCatalog;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/**
 * Preprocess's gRPC edge. Every call acts within the project it was admitted for
 * ({@link ProjectScope#current()}), handed to the domain explicitly: another project's sealed
 * version or prepared dataset is not under this project's keys, so it is NOT_FOUND like a missing one.
 */
@GrpcService
@Blocking
public class PreprocessGrpcService extends PreprocessServiceGrpc.PreprocessServiceImplBase {

    @Inject
    PreparedCatalog catalog;

    @Inject
    Preparation preparation;

    @Override
    public void prepare(PrepareRequest request, StreamObserver<PreparedDataset> response) {
        String project = ProjectScope.current();
        reply(response, preparation.prepare(PipelineSpecs.toRequest(project, request.getDataset(),
                request.getDatasetVersion(), request.getPipeline())));
    }

    @Override
    public void getPreparedDataset(GetPreparedDatasetRequest request, StreamObserver<PreparedDataset> response) {
        String project = ProjectScope.current();
        reply(response, catalog.manifest(project, request.getDataset(), request.getDatasetVersion(),
                request.getPipeline()));
    }

    private static void reply(StreamObserver<PreparedDataset> response, PreparedDataset prepared) {
        response.onNext(prepared);
        response.onCompleted();
    }
}
