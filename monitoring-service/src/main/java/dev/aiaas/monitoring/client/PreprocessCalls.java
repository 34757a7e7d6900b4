package dev.aiaas.monitoring.client;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** The retraining loop's calls to preprocess, in the caller's project ({@code ProjectScope}). */
@ApplicationScoped
public class PreprocessCalls {

    @GrpcClient("preprocess")
    PreprocessServiceBlockingStub preprocess;

    @Inject
    MonitoringConfig config;

    public PreparedDataset prepared(String dataset, long version, String pipeline) {
        return PeerCall.call("preprocess", "find " + dataset + " v" + version + " prepared by " + pipeline,
                () -> preprocess.withDeadlineAfter(config.loop().callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .getPreparedDataset(GetPreparedDatasetRequest.newBuilder().setDataset(dataset)
                                .setDatasetVersion(version).setPipeline(pipeline).build()));
    }

    /**
     * Prepares a version with a pipeline (idempotent: one prepared before is returned). A version
     * preprocess has not heard of yet (its seal is still on its way: NOT_FOUND) is UNAVAILABLE, to
     * be tried again.
     */
    public PreparedDataset prepare(String dataset, long version, PipelineSpec pipeline) {
        try {
            return PeerCall.call("preprocess", "prepare " + dataset + " v" + version + " with " + pipeline.getName(),
                    () -> preprocess.withDeadlineAfter(config.loop().prepareTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .prepare(PrepareRequest.newBuilder().setDataset(dataset).setDatasetVersion(version)
                                    .setPipeline(pipeline).build()));
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                throw DomainException.unavailable(e.getMessage() + " (its seal has not reached preprocess yet)", e);
            }
            throw e;
        }
    }
}
