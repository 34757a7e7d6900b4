package dev.aiaas.bench;

import dev.aiaas.localstack.RunningService;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.inference.ServerLiveRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the same clients reach against the same server when no model is involved: gRPC
 * ServerLive and REST {@code GET /v2/health/live}, at 1 and 64 in flight. It bounds from below
 * what a served case can cost, and from above what the load generator can drive on this
 * machine: a served case far below its floor spends its time in the server's inference path.
 */
final class TransportFloor {

    static final int[] IN_FLIGHT = {1, 64};

    /** One measured floor. */
    record Floor(Transport transport, String call, int inFlight, Measurement measurement) {
    }

    private TransportFloor() {
    }

    static List<Floor> measure(LoadGenerator generator, RunningService serving) throws InterruptedException {
        List<Floor> floors = new ArrayList<>();
        HttpRequest live = HttpRequest.newBuilder(URI.create(serving.httpBase() + "/v2/health/live"))
                .header("authorization", StackTokens.authorization())
                .timeout(Duration.ofSeconds(30)).GET().build();
        for (int inFlight : IN_FLIGHT) {
            try (Load load = new GrpcLoad<>(serving.host(), serving.port(), GRPCInferenceServiceGrpc.getServerLiveMethod(),
                    ServerLiveRequest.getDefaultInstance(), inFlight)) {
                floors.add(new Floor(Transport.GRPC, "ServerLive", inFlight,
                        generator.run(load, CaseRunner.meters(Transport.GRPC, serving))));
            }
            try (Load load = new RestLoad(live, inFlight)) {
                floors.add(new Floor(Transport.REST, "GET /v2/health/live", inFlight,
                        generator.run(load, CaseRunner.meters(Transport.REST, serving))));
            }
            System.gc();
        }
        return floors;
    }

    /** A small Markdown table of the floors. */
    static List<String> markdown(List<Floor> floors) {
        List<String> lines = new ArrayList<>();
        lines.add("| transport | call (no model) | in flight | requests/s | mean µs | p50 µs | p99 µs | client cores"
                + " | server cores | other cores | elsewhere cores | failures |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Floor floor : floors) {
            Measurement m = floor.measurement();
            lines.add("| " + floor.transport().label() + " | " + floor.call() + " | " + floor.inFlight() + " | "
                    + ResultTable.count(m.requestsPerSecond()) + " | " + ResultTable.micros(m.meanMicros()) + " | "
                    + ResultTable.micros(m.p50Micros()) + " | " + ResultTable.micros(m.p99Micros()) + " | "
                    + ResultTable.fixedOrDash(m.clientCores()) + " | " + ResultTable.fixedOrDash(m.serverCores()) + " | "
                    + ResultTable.fixedOrDash(m.otherCores()) + " | " + ResultTable.fixedOrDash(m.elsewhereCores()) + " | "
                    + m.failures() + " |");
        }
        return lines;
    }
}
