package dev.aiaas.preprocess.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.preprocess.service.PreparedCatalog;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/** Preprocess's gRPC edge. */
@GrpcService
@Blocking
public class PreprocessGrpcService extends PreprocessServiceGrpc.PreprocessServiceImplBase {

    @Inject
    PreparedCatalog catalog;

    @Override
    public void getPreparedDataset(GetPreparedDatasetRequest request, StreamObserver<PreparedDataset> response) {
        String json = catalog.manifest(request.getDataset(), request.getDatasetVersion(), request.getPipeline());
        PreparedDataset.Builder prepared = PreparedDataset.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, prepared);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("prepared manifest of " + request.getDataset() + " is unreadable", e);
        }
        response.onNext(prepared.build());
        response.onCompleted();
    }
}
