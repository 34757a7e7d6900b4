package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.cli.demo.PreparedDatasets;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.proto.common.v1.Record;
import dev.aiaas.proto.common.v1.Value;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.proto.ingest.v1.UploadRecordsRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.proto.inference.InferTensorContents;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.proto.inference.ModelInferResponse;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.training.v1.Hyperparameters;
import dev.aiaas.proto.training.v1.Job;
import dev.aiaas.proto.training.v1.JobSpec;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.testing.OtlpReceiver;
import dev.aiaas.testing.OtlpReceiver.ExportedSpan;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from raw records to the monitoring record of a prediction, as a client sees it when
 * it starts a trace and passes its {@code traceparent} on every call: the upload and the seal,
 * preprocess preparing the sealed version (from the Kafka event), the training job and its
 * registration, the deployment, a prediction, and monitoring reading its log record (from
 * Kafka). The services export to a real OTLP/HTTP endpoint ({@link RunningStack#traces()}).
 */
class OneTraceIT {

    private static final Set<String> SIX_SERVICES = Set.of("ingest-service", "preprocess-service",
            "training-service", "registry-service", "serving-service", "monitoring-service");

    private static Services services;
    private static OtlpReceiver traces;

    private final String traceId = HexFormat.of().formatHex(randomBytes(16));
    private final Metadata traceparent = traceparent(traceId);

    @BeforeAll
    static void connect() {
        LocalStack stack = RunningStack.get();
        services = RunningStack.connect(stack);
        traces = RunningStack.traces();
    }

    @AfterAll
    static void leaveTheStackServing() throws InterruptedException {
        RunningStack.leaveServing(services);
    }

    @Test
    void oneTraceRunsFromUploadToTheMonitoringRecordOfAPrediction() throws Exception {
        String name = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        DemoDataset iris = DemoDataset.iris(ServicesUnderTest.repositoryRoot().resolve("datasets"));
        traced(services.ingest()).createDataset(CreateDatasetRequest.newBuilder().setName(name)
                .setSchema(iris.schema()).build());
        UploadSummary upload = upload(name, iris.file());
        assertThat(upload.getAccepted()).isEqualTo(150);
        DatasetVersion version = traced(services.ingest()).sealVersion(SealVersionRequest.newBuilder()
                .setDataset(name).build());
        PreparedDatasets.await(traced(services.preprocess()), name, version.getVersion(), "default",
                Duration.ofMinutes(2));
        Job job = TrainingJobs.runToEnd(traced(services.training()), JobSpec.newBuilder()
                .setDataset(name).setDatasetVersion(version.getVersion()).setFamily(ModelFamily.MLP)
                .setHyperparameters(Hyperparameters.newBuilder().setEpochs(5).addHiddenUnits(8).setSeed(7))
                .setModelName(name).setAlias("champion").build());
        assertThat(job.getState()).isEqualTo(JobState.SUCCEEDED);
        traced(services.deployments()).withDeadlineAfter(5, TimeUnit.MINUTES).deploy(DeployRequest.newBuilder()
                .setEndpoint(name).setModelName(name).setAlias("champion").build());
        ModelInferResponse answer = traced(services.inference()).modelInfer(irisRow(name, 5.1, 3.5, 1.4, 0.2));
        assertThat(answer.getOutputsCount()).isPositive();

        // each service exports its spans in batches of its own, on its own schedule: wait for every hop
        Map<String, SpanOf> hops = Map.of(
                "seal", new SpanOf("ingest-service", n -> n.contains("SealVersion")),
                "upload", new SpanOf("ingest-service", n -> n.contains("UploadRecords")),
                "prepare", new SpanOf("preprocess-service", n -> n.contains("aiaas.ingest.events")),
                "train", new SpanOf("training-service", n -> n.equals("train " + job.getId())),
                "register", new SpanOf("registry-service", n -> n.contains("CreateModelVersion")),
                "deploy", new SpanOf("serving-service", n -> n.contains("Deploy")),
                "infer", new SpanOf("serving-service", n -> n.contains("ModelInfer")),
                "record", new SpanOf("monitoring-service", n -> n.contains("aiaas.serving.predictions")));
        List<ExportedSpan> trace = awaitTrace(spans -> hops.values().stream().allMatch(hop -> hop.in(spans)),
                Duration.ofSeconds(60));
        String seen = trace.stream().map(s -> s.service() + ": " + s.name()).sorted().distinct()
                .collect(Collectors.joining("\n  ", "spans of the trace:\n  ", ""));
        assertThat(trace).as(seen).extracting(ExportedSpan::service).containsAll(SIX_SERVICES);
        hops.forEach((hop, span) -> assertThat(span.in(trace)).as(hop + ": " + span.service()
                + " has the span\n" + seen).isTrue());
        ExportedSpan sealSpan = hops.get("seal").first(trace);
        ExportedSpan prepare = hops.get("prepare").first(trace);
        ExportedSpan train = hops.get("train").first(trace);
        ExportedSpan register = hops.get("register").first(trace);
        ExportedSpan infer = hops.get("infer").first(trace);
        ExportedSpan record = hops.get("record").first(trace);

        assertThat(ancestors(trace, prepare)).as("preprocess's span descends from the seal\n" + seen)
                .contains(sealSpan.spanId());
        assertThat(ancestors(trace, register)).as("registration descends from the training run\n" + seen)
                .contains(train.spanId());
        assertThat(ancestors(trace, record)).as("monitoring's record descends from the prediction\n" + seen)
                .contains(infer.spanId());
    }

    private UploadSummary upload(String dataset, Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank()).toList();
        UploadRecordsRequest.Builder request = UploadRecordsRequest.newBuilder().setDataset(dataset)
                .setUploadId(UUID.randomUUID().toString());
        String[] columns = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
        for (String line : lines) {
            String[] fields = line.split(",");
            Record.Builder record = Record.newBuilder();
            for (int c = 0; c < columns.length; c++) {
                record.putFields(columns[c], Value.newBuilder().setDoubleValue(Double.parseDouble(fields[c])).build());
            }
            request.addRecords(record.putFields("species", Value.newBuilder().setStringValue(fields[4]).build()));
        }
        FutureObserver<UploadSummary> summary = new FutureObserver<>();
        StreamObserver<UploadRecordsRequest> stream = traced(services.ingestAsync()).uploadRecords(summary);
        stream.onNext(request.build());
        stream.onCompleted();
        return summary.future().get(60, TimeUnit.SECONDS);
    }

    private static ModelInferRequest irisRow(String endpoint, double... measurements) {
        String[] columns = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
        ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(endpoint);
        for (int c = 0; c < columns.length; c++) {
            request.addInputs(InferInputTensor.newBuilder().setName(columns[c]).setDatatype("FP64").addShape(1)
                    .setContents(InferTensorContents.newBuilder().addFp64Contents(measurements[c])));
        }
        return request.build();
    }

    /** The trace's spans once they satisfy {@code complete} (the assertions that follow say what is missing if not). */
    private List<ExportedSpan> awaitTrace(Predicate<List<ExportedSpan>> complete, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ExportedSpan> trace = spansOfTrace();
        while (!complete.test(trace) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            trace = spansOfTrace();
        }
        return trace;
    }

    private List<ExportedSpan> spansOfTrace() {
        return traces.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** A span the trace must hold: exported by {@code service}, with a name {@code name} accepts. */
    private record SpanOf(String service, Predicate<String> name) {

        boolean in(List<ExportedSpan> trace) {
            return trace.stream().anyMatch(this::matches);
        }

        ExportedSpan first(List<ExportedSpan> trace) {
            return trace.stream().filter(this::matches).findFirst().orElseThrow();
        }

        private boolean matches(ExportedSpan span) {
            return span.service().equals(service) && name.test(span.name());
        }
    }

    /** The span ids from {@code span}'s parent up to the root, as far as they were exported. */
    private static List<String> ancestors(List<ExportedSpan> trace, ExportedSpan span) {
        Map<String, ExportedSpan> byId = trace.stream()
                .collect(Collectors.toMap(ExportedSpan::spanId, s -> s, (a, b) -> a));
        List<String> chain = new ArrayList<>();
        ExportedSpan current = span;
        while (current != null && !current.parentSpanId().isEmpty() && chain.size() < 64) {
            chain.add(current.parentSpanId());
            current = byId.get(current.parentSpanId());
        }
        return chain;
    }

    private <S extends AbstractStub<S>> S traced(S stub) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(traceparent));
    }

    private static Metadata traceparent(String traceId) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        return headers;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
