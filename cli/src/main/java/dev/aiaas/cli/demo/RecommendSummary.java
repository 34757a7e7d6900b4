package dev.aiaas.cli.demo;

import dev.aiaas.cli.serving.Recommendations.Recommendation;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the recommendation scenario measured: the recommender's test recall@10 (and NDCG@10,
 * coverage@10) beside the most-popular baseline's on the same held-out routes, and the
 * destinations the endpoint recommended to a few hubs.
 *
 * @param outcome      the lifecycle run; its test metrics hold {@code recall_at_10},
 *                     {@code ndcg_at_10}, {@code coverage_at_10} and the baseline's
 *                     {@code popular_recall_at_10}, {@code popular_ndcg_at_10},
 *                     {@code popular_coverage_at_10}
 * @param interactions how many origins (users) and destinations (items) were prepared
 * @param recommended  what the endpoint answered, hub by hub, best first (training's routes left out)
 * @param routes       every origin's destinations in the file
 */
public record RecommendSummary(DatasetOutcome outcome, InteractionsInfo interactions,
        List<Recommendation> recommended, Map<String, Set<String>> routes, double seconds) implements ScenarioSummary {

    /** The recommender's recall@10 on the test split's held-out routes. */
    public double recall() {
        return outcome.metric("recall_at_10");
    }

    /** The most-popular baseline's recall@10 on the same routes. */
    public double popularRecall() {
        return outcome.metric("popular_recall_at_10");
    }

    /**
     * How many of a hub's recommended destinations are routes of the file: the endpoint left
     * out the hub's training routes, so each is a route held out for validation or test.
     */
    public long heldOutRoutes(String hub) {
        Set<String> flown = routes.getOrDefault(hub, Set.of());
        return recommended.stream().filter(r -> r.user().equals(hub) && flown.contains(r.item())).count();
    }

    @Override
    public void print(PrintStream out) {
        out.println();
        out.println("=== aiaas demo: recommendation (MATRIX_FACTORISATION: destinations for an origin airport) ===");
        out.printf("dataset %s v%d: %d flights; %d origins (users), %d destinations (items)%s; routes "
                        + "(train/validation/test) %s; model %s v%d%n", outcome.dataset(), outcome.datasetVersion(),
                outcome.rows(), interactions.getUsers(), interactions.getItems(),
                interactions.getSharedIds() ? ", airports shared ids" : "", outcome.splitRows(), outcome.dataset(),
                outcome.modelVersion());
        out.printf(Locale.ROOT, "test recall@10 %.4f against %.4f for recommending the most popular destinations "
                        + "(%.2fx); NDCG@10 %.4f against %.4f; coverage@10 %.4f against %.4f%n", recall(),
                popularRecall(), recall() / popularRecall(), outcome.metric("ndcg_at_10"),
                outcome.metric("popular_ndcg_at_10"), outcome.metric("coverage_at_10"),
                outcome.metric("popular_coverage_at_10"));
        out.println("destinations recommended through the Open Inference Protocol, best first (each hub's training "
                + "routes left out; * a route of the file that training never saw):");
        Map<String, List<Recommendation>> byHub = new LinkedHashMap<>();
        recommended.forEach(r -> byHub.computeIfAbsent(r.user(), hub -> new ArrayList<>()).add(r));
        byHub.forEach((hub, items) -> out.printf(Locale.ROOT, "  %s: %s   (%d of %d are held-out routes)%n", hub,
                items.stream().map(r -> String.format(Locale.ROOT, "%s %.3f%s", r.item(), r.score(),
                        routes.getOrDefault(hub, Set.of()).contains(r.item()) ? "*" : ""))
                        .collect(Collectors.joining(", ")), heldOutRoutes(hub), items.size()));
        out.printf(Locale.ROOT, "%nthe recommendation scenario took %.1f s%n", seconds);
    }
}
