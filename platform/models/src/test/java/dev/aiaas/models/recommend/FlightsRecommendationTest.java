package dev.aiaas.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.aiaas.ml.interactions.HoldOut;
import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.models.DevicePreference;
import java.nio.file.Files;
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
        Measured measured = measure(routes, false);

        assertThat(routes.size()).isEqualTo(2977);
        assertThat(routes.userCount()).isEqualTo(220);
        assertThat(routes.itemCount()).isEqualTo(223);
        // measured over seeds 1-7 and 42: per seed 1.04x to 1.22x; the worst three seeds average 1.08x and +0.046
        assertThat(measured.recall()).as("mean recall@10 against most-popular's")
                .isGreaterThanOrEqualTo(1.05 * measured.popularRecall())
                .isGreaterThanOrEqualTo(measured.popularRecall() + 0.04);
        assertThat(measured.ndcg()).isGreaterThan(measured.popularNdcg());
        assertThat(measured.coverage()).as("suggests more of the catalogue than one list for all")
                .isGreaterThan(2 * measured.popularCoverage());
    }

    /** Nearly every route runs both ways (2,758 of 2,977): one vector pair per airport lets B→A teach A→B. */
    @Test
    void sharingAirportIdsBetweenOriginsAndDestinationsFindsFarMoreHeldOutRoutes() throws Exception {
        Interactions routes = FlightRoutes.interactions(Interactions.Weighting.ONE);
        Measured measured = measure(routes, true);

        // measured: recall@10 0.787, 0.801, 0.807 against 0.576, 0.562, 0.554 (mean 1.42x, +0.234; seed 1 1.37x);
        // NDCG@10 0.762 against 0.435 (1.75x); separate tables on the same holdouts 0.620 (1.10x).
        // Seeds 4-7 and 42: 1.32x to 1.53x per seed, mean 0.786 against 0.557 (1.41x)
        assertThat(measured.recall()).as("mean recall@10 against most-popular's")
                .isGreaterThanOrEqualTo(1.3 * measured.popularRecall())
                .isGreaterThanOrEqualTo(measured.popularRecall() + 0.18);
        assertThat(measured.ndcg()).isGreaterThanOrEqualTo(1.5 * measured.popularNdcg());
        assertThat(measured.coverage()).as("suggests more of the catalogue than one list for all")
                .isGreaterThan(2 * measured.popularCoverage());
    }

    @Test
    void aSavedRecommenderRanksAsTrainedAndLeavesOutAnOriginsKnownRoutes() throws Exception {
        Interactions routes = FlightRoutes.interactions(Interactions.Weighting.ONE);
        HoldOut.Split split = new HoldOut(0.2, 0, 42).split(routes);
        try (LoadedRecommender trained = train(routes, split.train(), 42, false)) {
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

    @Test
    void aSavedSharedIdsRecommenderRanksAsTrainedScoresARouteAlikeBothWaysAndNeverSuggestsTheOrigin()
            throws Exception {
        Interactions routes = FlightRoutes.interactions(Interactions.Weighting.ONE);
        HoldOut.Split split = new HoldOut(0.2, 0, 42).split(routes);
        Path folder = scratch.resolve("shared");
        try (LoadedRecommender trained = train(routes, split.train(), 42, true)) {
            trained.save(folder);
            try (LoadedRecommender loaded = LoadedRecommender.load(folder, Device.cpu())) {
                IdIndex index = loaded.index();
                for (int origin = 0; origin < routes.userCount(); origin++) {
                    assertThat(loaded.scores(origin)).containsExactly(trained.scores(origin));
                    assertThat(loaded.topK(origin, K, true)).isEqualTo(trained.topK(origin, K, true));
                    assertThat(loaded.topK(origin, routes.itemCount(), false)).extracting(ScoredItem::item)
                            .as("every destination but the origin itself")
                            .hasSize(routes.itemCount() - (index.itemIds().contains(index.userId(origin)) ? 1 : 0))
                            .doesNotContain(itemRowOf(index, index.userId(origin)));
                }
                int atl = index.userRow("ATL");
                int ord = index.userRow("ORD");
                assertThat(loaded.scores(atl)[index.itemRow("ORD")]).as("ATL to ORD scores as ORD to ATL")
                        .isCloseTo(loaded.scores(ord)[index.itemRow("ATL")], within(1e-5f));
                assertThat(loaded.spec()).isEqualTo(trained.spec());
                assertThat(loaded.spec().sharedIds()).isTrue();
                assertThat(loaded.spec().entities()).as("origins and destinations together").isEqualTo(224);
            }
        }
        Files.writeString(folder.resolve(LoadedRecommender.SPEC_FILE), RecommenderSpecJson.write(
                RecommenderSpec.forInteractions(RecommenderSpec.DEFAULT_DIMENSION, routes)));
        assertThatThrownBy(() -> LoadedRecommender.load(folder, Device.cpu()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the parameters do not fit");
    }

    /** The item row of {@code id}, or -1 when no item has it. */
    private static int itemRowOf(IdIndex index, String id) {
        return index.itemIds().indexOf(id);
    }

    /** The model's and most-popular's metrics on each of {@link #SEEDS}' holdouts, printed. */
    private static Measured measure(Interactions routes, boolean sharedIds) {
        List<RankingMetrics> model = new ArrayList<>();
        List<RankingMetrics> popular = new ArrayList<>();
        for (long seed : SEEDS) {
            HoldOut.Split split = new HoldOut(0.2, 0, seed).split(routes);
            try (LoadedRecommender trained = train(routes, split.train(), seed, sharedIds)) {
                model.add(RecommenderEvaluation.evaluate(trained, split.train(), split.test(), K));
            }
            popular.add(RecommenderEvaluation.evaluate(MostPopular.of(split.train()), split.train(), split.test(), K));
        }
        String layout = sharedIds ? "shared ids" : "separate tables";
        for (int s = 0; s < SEEDS.length; s++) {
            System.out.printf("flights, %s, seed %d (%d origins with held-out routes): recall@10 / NDCG@10 / "
                    + "coverage@10 model %.4f / %.4f / %.4f, most-popular %.4f / %.4f / %.4f%n", layout, SEEDS[s],
                    model.get(s).users(), model.get(s).recall(), model.get(s).ndcg(), model.get(s).coverage(),
                    popular.get(s).recall(), popular.get(s).ndcg(), popular.get(s).coverage());
        }
        Measured measured = new Measured(model, popular);
        System.out.printf("flights, %s, mean over seeds %s: recall@10 model %.4f, most-popular %.4f (%.3fx, %+.4f); "
                + "NDCG@10 %.4f vs %.4f; coverage@10 %.4f vs %.4f%n", layout, Arrays.toString(SEEDS),
                measured.recall(), measured.popularRecall(), measured.recall() / measured.popularRecall(),
                measured.recall() - measured.popularRecall(), measured.ndcg(), measured.popularNdcg(),
                measured.coverage(), measured.popularCoverage());
        return measured;
    }

    private static LoadedRecommender train(Interactions routes, Interactions train, long seed, boolean sharedIds) {
        RecommenderSpec spec = RecommenderSpec.forInteractions(RecommenderSpec.DEFAULT_DIMENSION, routes, sharedIds);
        return new RecommenderTrainer().train(spec, RecommenderPlan.defaults(seed, DevicePreference.CPU), train,
                Interactions.none(routes.index()));
    }

    /** A model's and most-popular's metrics, one per seed. */
    private record Measured(List<RankingMetrics> model, List<RankingMetrics> popular) {

        double recall() {
            return mean(model, RankingMetrics::recall);
        }

        double ndcg() {
            return mean(model, RankingMetrics::ndcg);
        }

        double coverage() {
            return mean(model, RankingMetrics::coverage);
        }

        double popularRecall() {
            return mean(popular, RankingMetrics::recall);
        }

        double popularNdcg() {
            return mean(popular, RankingMetrics::ndcg);
        }

        double popularCoverage() {
            return mean(popular, RankingMetrics::coverage);
        }
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
