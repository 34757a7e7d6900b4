package dev.aiaas.cli.demo;

import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;

/** Waiting for preprocess to prepare a sealed version, as it does on its own for every seal. */
public final class PreparedDatasets {

    private PreparedDatasets() {
    }

    /**
     * The prepared dataset once preprocess has written it; any answer but NOT_FOUND, or NOT_FOUND
     * after {@code timeout}, is thrown.
     */
    public static PreparedDataset await(PreprocessServiceBlockingStub preprocess, String dataset, long version,
            String pipeline, Duration timeout) throws InterruptedException {
        GetPreparedDatasetRequest request = GetPreparedDatasetRequest.newBuilder().setDataset(dataset)
                .setDatasetVersion(version).setPipeline(pipeline).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return preprocess.getPreparedDataset(request);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
