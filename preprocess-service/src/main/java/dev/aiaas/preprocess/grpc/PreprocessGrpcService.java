package dev.aiaas.preprocess.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.aiaas.preprocess.service.PreparedCatalog;
import dev.aiaas.preprocess.service.Preparation;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
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

    @Inject
    Preparation preparation;

    @Override
    public void prepare(PrepareRequest request, StreamObserver<PreparedDataset> response) {
        reply(response, preparation.prepare(PipelineMessages.toDomain(request)));
    }

    @Override
    public void getPreparedDataset(GetPreparedDatasetRequest request, StreamObserver<PreparedDataset> response) {
        reply(response, catalog.manifest(request.getDataset(), request.getDatasetVersion(), request.getPipeline()));
    }

    private static void reply(StreamObserver<PreparedDataset> response, String json) {
        PreparedDataset.Builder prepared = PreparedDataset.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, prepared);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a prepared manifest is unreadable", e);
        }
        response.onNext(prepared.build());
        response.onCompleted();
    }
}
