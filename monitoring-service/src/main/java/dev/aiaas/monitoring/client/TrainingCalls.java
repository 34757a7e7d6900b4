package dev.aiaas.monitoring.client;

import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/** The retraining loop's calls to training, in the caller's project ({@code ProjectScope}). */
@ApplicationScoped
public class TrainingCalls {

    @GrpcClient("training")
    TrainingServiceBlockingStub training;

    @Inject
    MonitoringConfig config;

    public Job job(String id) {
        return PeerCall.call("training", "describe job " + id,
                () -> stub().getJob(GetJobRequest.newBuilder().setId(id).build()));
    }

    /** Submits a job; the same {@code requestId} again returns the job submitted first. */
    public Job submit(JobSpec spec, String requestId) {
        return PeerCall.call("training", "queue a job for " + spec.getModelName(), () -> stub()
                .submitJob(SubmitJobRequest.newBuilder().setSpec(spec).setRequestId(requestId).build()));
    }

    private TrainingServiceBlockingStub stub() {
        return training.withDeadlineAfter(config.loop().callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
