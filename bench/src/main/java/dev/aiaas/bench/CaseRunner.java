package dev.aiaas.bench;

import dev.aiaas.localstack.RunningService;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Builds the load of each case against the engine or the serving service, and measures it. */
final class CaseRunner {

    /** The load generator's own threads: the driver and the gRPC or REST client's. */
    static final List<String> GRPC_CLIENT_THREADS = List.of("bench-driver", "bench-grpc");
    static final List<String> REST_CLIENT_THREADS = List.of("bench-driver", "bench-http", "HttpClient-");
    /** Requests in flight while the server's request path is compiled, before the first case. */
    private static final int WARM_UP_IN_FLIGHT = 16;

    private final LoadGenerator generator;
    private final BenchSetup setup;
    private final RunningService serving;

    CaseRunner(LoadGenerator generator, BenchSetup setup, RunningService serving) {
        this.generator = generator;
        this.setup = setup;
        this.serving = serving;
    }

    CaseResult run(BenchCase benchCase) throws InterruptedException {
        if (benchCase.skipped()) {
            return CaseResult.skipped(benchCase);
        }
        try (Load load = load(benchCase.transport(), benchCase.model(), benchCase.rows(), benchCase.inFlight(),
                benchCase.batching())) {
            return new CaseResult(benchCase, generator.run(load, meters(benchCase.transport(), serving)));
        } finally {
            // Idle HTTP/1.1 connections of a finished REST case are closed when its client is collected.
            System.gc();
        }
    }

    /**
     * Single rows over gRPC and REST on every endpoint for {@code each}, unmeasured: both JVMs
     * compile their request paths here rather than in the first cases.
     */
    void warmUpServer(Duration each) throws InterruptedException {
        for (ModelKind model : ModelKind.values()) {
            for (BatchingMode batching : List.of(BatchingMode.DYNAMIC, BatchingMode.OFF)) {
                for (Transport transport : List.of(Transport.GRPC, Transport.REST)) {
                    try (Load load = load(transport, model, 1, WARM_UP_IN_FLIGHT, batching)) {
                        generator.run(load, meters(transport, serving), each, Duration.ZERO);
                    }
                }
            }
        }
        System.gc();
    }

    private Load load(Transport transport, ModelKind model, int rows, int inFlight, BatchingMode batching) {
        float[] batch = setup.trained(model).batch(rows);
        return switch (transport) {
            case ENGINE -> new EngineLoad(setup.engine(model), batch, rows, inFlight);
            case GRPC -> GrpcLoad.infer(serving.host(), serving.port(),
                    InferRequests.grpc(model.endpoint(batching), model.spec(), batch, rows), inFlight);
            case REST -> RestLoad.infer(URI.create(serving.httpBase() + "/v2/models/" + model.endpoint(batching)
                    + "/infer"), InferRequests.json(model.spec(), batch, rows), inFlight);
        };
    }

    /** For the engine, the server is this JVM and nothing else is told apart. */
    static LoadGenerator.Meters meters(Transport transport, RunningService serving) {
        return switch (transport) {
            case ENGINE -> new LoadGenerator.Meters(CpuMeter.NONE, CpuMeter.thisProcess(), CpuMeter.NONE, true);
            case GRPC -> new LoadGenerator.Meters(CpuMeter.threads(GRPC_CLIENT_THREADS), CpuMeter.process(serving.pid()),
                    CpuMeter.thisProcess(), false);
            case REST -> new LoadGenerator.Meters(CpuMeter.threads(REST_CLIENT_THREADS), CpuMeter.process(serving.pid()),
                    CpuMeter.thisProcess(), false);
        };
    }
}
