package dev.aiaas.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.Services;
import dev.aiaas.cli.serving.Recommendations;
import dev.aiaas.cli.serving.Recommendations.Recommendation;
import dev.aiaas.proto.inference.ModelInferResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recommendation on 20,000 US flights: origin airports are users, destinations items, airports
 * shared ids. A MATRIX_FACTORISATION recommender learns from the routes (a share of each origin's
 * destinations held out), is measured by its test recall@10 beside the most-popular baseline's on
 * the same held-out routes (both from the job's metrics), and recommends destinations to a few hubs
 * through the Open Inference Protocol, as {@code aiaas predict flights --user ORD} asks: leaving out
 * the hub's training routes, so a suggestion that is a route of the file is one training never saw.
 */
public final class RecommendScenario {

    /** The bundled flights: one JSON array of {date, delay, distance, origin, destination}. */
    public static final String FILE = "flights-20k.json";
    /** The user column: the airport a flight leaves. */
    public static final String ORIGIN = "origin";
    /** The item column: the airport it lands at. */
    public static final String DESTINATION = "destination";
    /** The origins recommended to through the endpoint. */
    public static final List<String> HUBS = List.of("ORD", "ATL", "DEN");
    /** Destinations asked per hub. */
    public static final int K = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;
    private final Progress progress;
    private final Path datasets;

    public RecommendScenario(Services services, Progress progress, Path datasets) {
        this.services = services;
        this.progress = progress;
        this.datasets = datasets;
    }

    public RecommendSummary run() throws Exception {
        long started = System.nanoTime();
        DemoDataset flights = DemoDataset.flights(datasets);
        LifecycleRun.Result run = new LifecycleRun(services, progress).run(flights);
        DatasetOutcome outcome = DatasetOutcome.of(run, List.of());
        progress.step("%s: test recall@10 %.4f, most popular's %.4f", flights.name(),
                outcome.metric("recall_at_10"), outcome.metric("popular_recall_at_10"));

        ModelInferResponse answer = services.inference().modelInfer(Recommendations.request(flights.name(), HUBS, K,
                false));
        List<Recommendation> recommended = Recommendations.read(answer, HUBS);
        progress.step("%s: recommended %d destinations to %s through the Open Inference Protocol", flights.name(),
                K, String.join(", ", HUBS));
        return new RecommendSummary(outcome, run.prepared().getInteractions(), recommended, routes(flights.file()),
                (System.nanoTime() - started) / 1e9);
    }

    /** Every origin's destinations in the file: its routes, by origin. */
    public static Map<String, Set<String>> routes(Path jsonArray) throws IOException {
        Map<String, Set<String>> routes = new TreeMap<>();
        try (InputStream in = Files.newInputStream(jsonArray)) {
            for (JsonNode flight : JSON.readTree(in)) {
                routes.computeIfAbsent(flight.path(ORIGIN).asText(), origin -> new TreeSet<>())
                        .add(flight.path(DESTINATION).asText());
            }
        }
        return routes;
    }
}
