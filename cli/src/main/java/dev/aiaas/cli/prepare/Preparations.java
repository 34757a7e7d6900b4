package dev.aiaas.cli.prepare;

import dev.aiaas.cli.Session;
import dev.aiaas.cli.demo.PreparedDatasets;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;

/**
 * Waiting for preprocess: it learns of a sealed version from an event a moment after the seal,
 * and prepares it with the default pipeline on its own; until then it answers NOT_FOUND.
 */
public final class Preparations {

    private Preparations() {
    }

    /** The prepared dataset, saying on the progress stream when it has to wait for it. */
    public static PreparedDataset await(Session session, String dataset, long version, String pipeline,
            Duration timeout) throws InterruptedException {
        try {
            return session.services().preprocess().getPreparedDataset(GetPreparedDatasetRequest.newBuilder()
                    .setDataset(dataset).setDatasetVersion(version).setPipeline(pipeline).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
        session.progress().println("waiting for preprocess to prepare " + dataset + " v" + version + " (pipeline "
                + pipeline + ")…");
        return PreparedDatasets.await(session.services().preprocess(), dataset, version, pipeline, timeout);
    }

    /**
     * Prepares a version with {@code spec}, waiting while preprocess has not yet received the
     * version's seal; any other answer is thrown.
     */
    public static PreparedDataset prepare(Session session, String dataset, long version, PipelineSpec spec,
            Duration timeout) throws InterruptedException {
        return PreparedDatasets.prepare(session.services().preprocess(), dataset, version, spec, timeout,
                () -> session.progress().println("waiting for preprocess to receive the seal of " + dataset + " v"
                        + version + "…"));
    }
}
