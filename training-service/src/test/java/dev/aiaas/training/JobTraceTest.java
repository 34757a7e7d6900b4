package dev.aiaas.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.proto.training.v1.SubmitJobRequest;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.OtlpCollector;
import dev.aiaas.testing.OtlpReceiver.ExportedSpan;
import dev.aiaas.testing.RealServersResource;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The worker's training continues the trace of the SubmitJob call, and its registry call joins it. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RegistryStandIn.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OtlpCollector.class, restrictToAnnotatedClass = true)
class JobTraceTest {

    @GrpcClient("training")
    TrainingServiceBlockingStub training;

    @Inject
    ArtifactStore store;

    @Test
    void trainingAJobIsASpanInTheTraceOfItsSubmit() throws Exception {
        PreparedIris.Written iris = PreparedIris.write(store, "iris-" + UUID.randomUUID().toString().substring(0, 8));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + traceId + "-00f067aa0ba902b7-01");

        // a plain grpc-java client: the test's own Quarkus client would start a trace of its own
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost",
                ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)).usePlaintext().build();
        Job job;
        try {
            job = TrainingServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .submitJob(SubmitJobRequest.newBuilder().setSpec(JobSpec.newBuilder()
                        .setDataset(iris.dataset()).setDatasetVersion(1).setFamily(ModelFamily.MLP)
                        .setHyperparameters(Hyperparameters.newBuilder().setEpochs(3).addHiddenUnits(8))
                        .setModelName("traced-iris")).build());
        } finally {
            channel.shutdownNow();
        }
        String jobId = job.getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> training.getJob(GetJobRequest.newBuilder()
                .setId(jobId).build()).getState() == JobState.SUCCEEDED);
        await().atMost(Duration.ofSeconds(20)).until(() -> OtlpCollector.spans().stream()
                .anyMatch(s -> s.name().equals("train " + jobId)));

        List<ExportedSpan> trace = OtlpCollector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
        ExportedSpan train = trace.stream().filter(s -> s.name().equals("train " + jobId)).findFirst().orElseThrow();
        assertThat(trace).extracting(ExportedSpan::name).anyMatch(name -> name.contains("SubmitJob"));
        assertThat(train.service()).isEqualTo("training-service");
        assertThat(trace).filteredOn(s -> s.parentSpanId().equals(train.spanId()))
                .extracting(ExportedSpan::name).anyMatch(name -> name.contains("CreateModelVersion"));
    }
}
