package dev.aiaas.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.aiaas.models.DevicePreference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recommender learns which destinations to suggest for an origin airport from 20,000 real US
 * flights (220 origins, 223 destinations, 2,977 routes, each route once): for every origin with at
 * least two routes a fifth of them is held out, and the recommender must find them among the
 * destinations the origin was not trained on, better than suggesting the most popular ones.
 */
class FlightsRecommendationTest {

    private static final int K = 10;
    /** Holdout seeds, each also the training seed; not picked for the result: seed 1 is the worst of 1–7 and 42. */
    private static final long[] SEEDS = {1, 2, 3};

    @TempDir
    Path scratch;

    @Test
    void matrixFactorisationFindsHeldOutRoutesBetterThanMostPopular() throws Exception {
        Interactions routes = FlightRoutes.interactions(Interactions.Weighting.ONE);
        List<RankingMetrics> model = new ArrayList<>();
        List<RankingMetrics> popular = new ArrayList<>();
        for (long seed : SEEDS) {
            HoldOut.Split split = new HoldOut(0.2, 0, seed).split(routes);
            try (LoadedRecommender trained = train(routes, split.train(), seed)) {
                model.add(RecommenderEvaluation.evaluate(trained, split.train(), split.test(), K));
            }
            popular.add(RecommenderEvaluation.evaluate(MostPopular.of(split.train()), split.train(), split.test(), K));
        }
        for (int s = 0; s < SEEDS.length; s++) {
            System.out.printf("flights seed %d (%d origins with held-out routes): recall@10 / NDCG@10 / coverage@10 "
                    + "model %.4f / %.4f / %.4f, most-popular %.4f / %.4f / %.4f%n", SEEDS[s], model.get(s).users(),
                    model.get(s).recall(), model.get(s).ndcg(), model.get(s).coverage(), popular.get(s).recall(),
                    popular.get(s).ndcg(), popular.get(s).coverage());
        }
        double recall = mean(model, RankingMetrics::recall);
        double popularRecall = mean(popular, RankingMetrics::recall);
        System.out.printf("flights mean over seeds %s: recall@10 model %.4f, most-popular %.4f (%.3fx, %+.4f); NDCG@10 "
                + "%.4f vs %.4f; coverage@10 %.4f vs %.4f%n", Arrays.toString(SEEDS), recall, popularRecall,
                recall / popularRecall, recall - popularRecall, mean(model, RankingMetrics::ndcg),
                mean(popular, RankingMetrics::ndcg), mean(model, RankingMetrics::coverage),
                mean(popular, RankingMetrics::coverage));

        assertThat(routes.size()).isEqualTo(2977);
        assertThat(routes.userCount()).isEqualTo(220);
        assertThat(routes.itemCount()).isEqualTo(223);
        // measured over seeds 1-7 and 42: per seed 1.04x to 1.22x; the worst three seeds average 1.08x and +0.046
        assertThat(recall).as("mean recall@10 against most-popular's").isGreaterThanOrEqualTo(1.05 * popularRecall)
                .isGreaterThanOrEqualTo(popularRecall + 0.04);
        assertThat(mean(model, RankingMetrics::ndcg)).isGreaterThan(mean(popular, RankingMetrics::ndcg));
        assertThat(mean(model, RankingMetrics::coverage)).as("suggests more of the catalogue than one list for all")
                .isGreaterThan(2 * mean(popular, RankingMetrics::coverage));
    }

    @Test
    void aSavedRecommenderRanksAsTrainedAndLeavesOutAnOriginsKnownRoutes() throws Exception {
        Interactions routes = FlightRoutes.interactions(Interactions.Weighting.ONE);
        HoldOut.Split split = new HoldOut(0.2, 0, 42).split(routes);
        try (LoadedRecommender trained = train(routes, split.train(), 42)) {
            trained.save(scratch.resolve("flights"));
            try (LoadedRecommender loaded = LoadedRecommender.load(scratch.resolve("flights"), Device.cpu())) {
                for (int origin = 0; origin < routes.userCount(); origin++) {
                    assertThat(loaded.scores(origin)).containsExactly(trained.scores(origin));
                    assertThat(loaded.topK(origin, K, true)).isEqualTo(trained.topK(origin, K, true));
                    assertThat(loaded.topK(origin, K, true)).extracting(ScoredItem::item)
                            .doesNotContainAnyElementsOf(boxed(split.train().itemsOf(origin)));
                }
                assertThat(loaded.index()).isEqualTo(routes.index());
                assertThat(loaded.spec()).isEqualTo(trained.spec());

                int hub = busiestOrigin(split.train());
                List<ScoredItem> withKnown = loaded.topK(hub, K, false);
                long known = withKnown.stream().filter(s -> split.train().contains(hub, s.item())).count();
                System.out.printf("flights: %s's top 10 with its %d known routes %s, %d of them known%n",
                        routes.index().userId(hub), split.train().countOf(hub),
                        withKnown.stream().map(s -> routes.index().itemId(s.item())).toList(), known);
                assertThat(known).as("a hub's best-scored destinations are ones it flies to").isGreaterThanOrEqualTo(8);
                assertThat(withKnown).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
                assertThatThrownBy(() -> loaded.index().userRow("XXX")).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("unknown user 'XXX'");
            }
        }
    }

    private static LoadedRecommender train(Interactions routes, Interactions train, long seed) {
        RecommenderSpec spec = RecommenderSpec.forInteractions(RecommenderSpec.DEFAULT_DIMENSION, routes);
        return new RecommenderTrainer().train(spec, RecommenderPlan.defaults(seed, DevicePreference.CPU), train,
                Interactions.none(routes.index()));
    }

    private static int busiestOrigin(Interactions train) {
        int busiest = 0;
        for (int user = 1; user < train.userCount(); user++) {
            busiest = train.countOf(user) > train.countOf(busiest) ? user : busiest;
        }
        return busiest;
    }

    private static double mean(List<RankingMetrics> metrics, ToDoubleFunction<RankingMetrics> of) {
        return metrics.stream().mapToDouble(of).average().orElseThrow();
    }

    private static List<Integer> boxed(int[] rows) {
        return Arrays.stream(rows).boxed().toList();
    }
}
