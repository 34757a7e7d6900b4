package dev.aiaas.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiaas.ml.interactions.HoldOut;
import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.interactions.InteractionsJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a recommender's data means, without an engine: ids numbered in sorted order, events
 * turned into weighted pairs, per-user holdouts, the ranking metrics on a hand-checked example,
 * the most-popular baseline, the negatives drawn, and the documents saved with a model.
 */
class RecommenderDataContractTest {

    private static final IdIndex FIVE = IdIndex.of(List.of("u0", "u1", "u2", "u3"), List.of("a", "b", "c", "d", "e"));

    @Test
    void anIndexNumbersIdsInSortedOrderAndRefusesIdsItDoesNotKnow() {
        IdIndex index = IdIndex.of(List.of("SFO", "BOS", "SFO", "ATL"), List.of("LAX", "JFK"));

        assertThat(index.userIds()).containsExactly("ATL", "BOS", "SFO");
        assertThat(index.userRow("SFO")).isEqualTo(2);
        assertThat(index.itemId(index.itemRow("LAX"))).isEqualTo("LAX");
        assertThat(index.knowsUser("ORD")).isFalse();
        assertThatThrownBy(() -> index.userRow("ORD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown user 'ORD': this recommender knows only the 3 users of the interactions it was "
                        + "trained on");
        assertThatThrownBy(() -> index.itemId(2)).hasMessageContaining("item row 2 is outside the index's 2 items");
        assertThatThrownBy(() -> new IdIndex(List.of("b", "a"), List.of("x")))
                .hasMessageContaining("sorted and distinct");
    }

    @Test
    void eventsBecomeOnePairEachWeightedByTheirCountOrByOne() {
        List<String> users = List.of("SFO", "SFO", "BOS", "SFO");
        List<String> items = List.of("LAX", "LAX", "LAX", "JFK");

        Interactions counted = Interactions.fromEvents(users, items, Interactions.Weighting.COUNT);
        Interactions once = Interactions.fromEvents(users, items, Interactions.Weighting.ONE);

        int sfo = counted.index().userRow("SFO");
        int lax = counted.index().itemRow("LAX");
        assertThat(counted.size()).isEqualTo(3);
        assertThat(counted.itemsOf(sfo)).containsExactly(counted.index().itemRow("JFK"), lax);
        assertThat(counted.contains(sfo, lax)).isTrue();
        assertThat(counted.itemWeights()[lax]).isEqualTo(3f);
        assertThat(once.itemWeights()[lax]).isEqualTo(2f);
        assertThatThrownBy(() -> new Interactions(FIVE, new int[] {1, 1}, new int[] {2, 2}, new float[] {1, 1}))
                .hasMessageContaining("user u1 and item c appear twice");
        assertThatThrownBy(() -> new Interactions(FIVE, new int[] {0}, new int[] {0}, new float[] {0}))
                .hasMessageContaining("finite and positive");
        assertThatThrownBy(() -> Interactions.fromEvents(FIVE, List.of("u9"), List.of("a"), Interactions.Weighting.ONE))
                .hasMessageContaining("unknown user 'u9'");
    }

    @Test
    void aHoldOutTakesAFifthOfEachUsersItemsAndLeavesSingleItemUsersInTrain() {
        Interactions all = randomInteractions(new int[] {1, 2, 3, 5, 10, 40}, 50, 7);

        HoldOut.Split split = new HoldOut(0.2, 0.1, 42).split(all);

        for (int user = 0; user < all.userCount(); user++) {
            int count = all.countOf(user);
            int tests = count < 2 ? 0 : Math.max(1, (int) Math.round(0.2 * count));
            assertThat(split.test().countOf(user)).as("user of %d items", count).isEqualTo(tests);
            assertThat(split.train().countOf(user)).isGreaterThanOrEqualTo(1);
            Set<Integer> parts = new HashSet<>();
            for (Interactions part : List.of(split.train(), split.validation(), split.test())) {
                for (int item : part.itemsOf(user)) {
                    assertThat(parts.add(item)).as("each item in one part").isTrue();
                    assertThat(all.contains(user, item)).isTrue();
                }
            }
            assertThat(parts).hasSize(count);
        }
        assertThat(split.validation().countOf(5)).isEqualTo(4);
        assertThat(new HoldOut(0.2, 0.1, 42).split(all).test().itemsOf(5)).containsExactly(split.test().itemsOf(5));
        assertThat(new HoldOut(0.2, 0.1, 43).split(all).test().itemsOf(5)).isNotEqualTo(split.test().itemsOf(5));
    }

    @Test
    void recallNdcgAndCoverageMatchAHandRankedExample() {
        // u0 knows a, must find c and e; u1 must find d; u2 knows e, must find b and d; u3 has nothing held out
        Interactions known = pairs(new int[][] {{0, 0}, {2, 4}, {3, 0}});
        Interactions heldOut = pairs(new int[][] {{0, 2}, {0, 4}, {1, 3}, {2, 1}, {2, 3}});
        float[][] scores = {{9, 1, 5, 3, 4}, {1, 1, 1, 1, 1}, {0, 2, 3, 1, 9}, {0, 0, 0, 0, 0}};

        RankingMetrics metrics = RecommenderEvaluation.evaluate(fixed(scores), known, heldOut, 2);

        // u0 ranks c, e: both found. u1's ties go to a, b: d missed. u2 ranks c, b: b found at rank 2.
        double u2Ndcg = (1 / log2(3)) / (1 + 1 / log2(3));
        assertThat(metrics.users()).isEqualTo(3);
        assertThat(metrics.recall()).isCloseTo((1 + 0 + 0.5) / 3, within(1e-12));
        assertThat(metrics.ndcg()).isCloseTo((1 + 0 + u2Ndcg) / 3, within(1e-12));
        assertThat(metrics.coverage()).as("a, b, c, e of five").isEqualTo(0.8);
        assertThat(metrics.asMap()).containsOnlyKeys("recall_at_2", "ndcg_at_2", "coverage_at_2");
        assertThatThrownBy(() -> RecommenderEvaluation.evaluate(fixed(scores), heldOut, heldOut, 2))
                .hasMessageContaining("held-out item c is also among its known items");
        assertThatThrownBy(() -> RecommenderEvaluation.evaluate(fixed(scores), known, Interactions.none(FIVE), 2))
                .hasMessageContaining("no held-out interactions");
    }

    @Test
    void mostPopularRanksBySummedWeightWithTiesToTheLowerRow() {
        Interactions train = new Interactions(FIVE, new int[] {0, 1, 2, 0, 3}, new int[] {3, 3, 1, 1, 4},
                new float[] {1, 1, 1, 1, 2});

        MostPopular popular = MostPopular.of(train);

        assertThat(popular.scores(2)).containsExactly(0, 2, 0, 2, 2);
        assertThat(Ranking.top(popular.scores(0), 4, new int[] {3})).extracting(ScoredItem::item)
                .containsExactly(1, 4, 0, 2);
        assertThatThrownBy(() -> popular.scores(4)).hasMessageContaining("user row 4 is outside");
    }

    @Test
    void negativesAreDrawnFromEveryItemTheUserHasNotSeenAndOnlyThose() {
        IdIndex ten = IdIndex.of(List.of("u", "v"), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        Interactions seen = new Interactions(ten, new int[] {0, 0, 0, 0, 1}, new int[] {0, 2, 3, 9, 5},
                new float[] {1, 1, 1, 1, 1});
        NegativeSampler sampler = new NegativeSampler(seen);
        Random random = new Random(1);

        Set<Integer> drawn = new HashSet<>();
        for (int n = 0; n < 2000; n++) {
            drawn.add(sampler.sample(0, random));
        }

        assertThat(drawn).containsExactlyInAnyOrder(1, 4, 5, 6, 7, 8);
        IdIndex two = IdIndex.of(List.of("u"), List.of("a", "b"));
        assertThatThrownBy(() -> new NegativeSampler(new Interactions(two, new int[] {0, 0}, new int[] {0, 1},
                new float[] {1, 1}))).hasMessageContaining("user u has interacted with all 2 items");
    }

    @Test
    void theSpecAndInteractionsDocumentsReadBackWhatWasWrittenAndRefuseOthers() {
        RecommenderSpec spec = new RecommenderSpec(32, 220, 223);
        Interactions interactions = randomInteractions(new int[] {1, 3, 4}, 5, 3);

        assertThat(RecommenderSpecJson.read(RecommenderSpecJson.write(spec))).isEqualTo(spec);
        Interactions read = InteractionsJson.read(InteractionsJson.write(interactions));
        assertThat(read.index()).isEqualTo(interactions.index());
        assertThat(InteractionsJson.write(read)).isEqualTo(InteractionsJson.write(interactions));
        assertThatThrownBy(() -> RecommenderSpecJson.read(RecommenderSpecJson.write(spec).replace("\"items\"",
                "\"bias\" : true, \"items\""))).hasMessageContaining("bias");
        assertThatThrownBy(() -> RecommenderSpecJson.read(RecommenderSpecJson.write(spec).replace("/v1", "/v2")))
                .hasMessageContaining("format 'aiaas.recommender-spec/v2' is not the supported");
        assertThatThrownBy(() -> RecommenderSpecJson.read("{\"format\":\"aiaas.recommender-spec/v1\",\"users\":1,"
                + "\"items\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecommenderSpec(1024, 100_000, 100_000)).hasMessageContaining("more than the");
    }

    @Test
    void sharedIdsGiveAUserAndAnItemWithTheSameIdOneEntityAndNeverDrawItsOwnIdAsANegative() {
        Interactions routes = Interactions.fromEvents(List.of("ATL", "ATL", "BOS", "ORD"),
                List.of("BOS", "ORD", "ATL", "SFO"), Interactions.Weighting.ONE);
        SharedIds ids = SharedIds.of(routes.index());
        IdIndex index = routes.index();

        // entities ATL, BOS, ORD, SFO; users ATL, BOS, ORD; items ATL, BOS, ORD, SFO
        assertThat(ids.entityCount()).isEqualTo(4);
        assertThat(ids.userEntity(index.userRow("ORD"))).isEqualTo(ids.itemEntity(index.itemRow("ORD"))).isEqualTo(2);
        assertThat(ids.itemEntity(index.itemRow("SFO"))).isEqualTo(3);
        assertThat(ids.selfItem(index.userRow("BOS"))).isEqualTo(index.itemRow("BOS"));
        Set<Integer> drawn = new HashSet<>();
        NegativeSampler sampler = new NegativeSampler(routes, ids::selfItem);
        Random random = new Random(1);
        for (int n = 0; n < 500; n++) {
            drawn.add(sampler.sample(index.userRow("BOS"), random));
        }
        assertThat(drawn).as("BOS has ATL; neither it nor BOS itself is a negative")
                .containsExactlyInAnyOrder(index.itemRow("ORD"), index.itemRow("SFO"));
        IdIndex other = IdIndex.of(List.of("a", "b"), List.of("c", "d"));
        assertThatThrownBy(() -> new NegativeSampler(new Interactions(IdIndex.of(List.of("a"), List.of("a", "b")),
                new int[] {0}, new int[] {1}, new float[] {1}), user -> 0))
                .hasMessageContaining("user a has interacted with all 2 items");
        assertThat(RecommenderSpec.forInteractions(8, routes, true)).isEqualTo(new RecommenderSpec(8, 3, 4, 4));
        assertThat(SharedIds.of(other).entityCount()).as("no id in common").isEqualTo(4);
    }

    @Test
    void aSharedIdsSpecCountsItsEntityTablesAndReadsBackWhileOlderSpecsReadAsSeparateTables() {
        RecommenderSpec shared = new RecommenderSpec(32, 220, 223, 224);
        String written = RecommenderSpecJson.write(shared);

        assertThat(RecommenderSpecJson.read(written)).isEqualTo(shared);
        assertThat(shared.sharedIds()).isTrue();
        assertThat(shared.parameters()).as("two vectors per entity").isEqualTo(2 * 224 * 32);
        assertThat(written).contains("\"entities\" : 224");
        assertThat(RecommenderSpecJson.write(new RecommenderSpec(32, 220, 223))).doesNotContain("entities");
        RecommenderSpec before = RecommenderSpecJson.read("{\"format\":\"aiaas.recommender-spec/v1\","
                + "\"dimension\":32,\"users\":220,\"items\":223}");
        assertThat(before).isEqualTo(new RecommenderSpec(32, 220, 223));
        assertThat(before.sharedIds()).isFalse();
        assertThatThrownBy(() -> new RecommenderSpec(32, 220, 223, 219)).hasMessageContaining("number 223 to 443");
        assertThatThrownBy(() -> new RecommenderSpec(1024, 50_000, 40_000, 50_000))
                .as("separate tables would fit, two entity tables do not").hasMessageContaining("more than the");
        assertThat(new RecommenderSpec(1024, 50_000, 40_000).parameters()).isLessThan(RecommenderSpec.MAX_PARAMETERS);
        Interactions routes = randomInteractions(new int[] {2, 3}, 5, 1);
        RecommenderSpec tooFew = new RecommenderSpec(8, 2, routes.itemCount(), routes.itemCount());
        assertThatThrownBy(() -> tooFew.checkFits(routes, "training")).hasMessageContaining("share");
        assertThatThrownBy(() -> RecommenderSpecJson.read("null")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Users with the given numbers of distinct items, drawn from {@code items}. */
    static Interactions randomInteractions(int[] counts, int items, long seed) {
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        Random random = new Random(seed);
        for (int user = 0; user < counts.length; user++) {
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < counts[user]) {
                chosen.add(random.nextInt(items));
            }
            for (int item : chosen) {
                userIds.add(String.format("u%02d", user));
                itemIds.add(String.format("i%02d", item));
            }
        }
        return Interactions.fromEvents(userIds, itemIds, Interactions.Weighting.ONE);
    }

    private static Interactions pairs(int[][] pairs) {
        int[] users = new int[pairs.length];
        int[] items = new int[pairs.length];
        float[] weights = new float[pairs.length];
        for (int n = 0; n < pairs.length; n++) {
            users[n] = pairs[n][0];
            items[n] = pairs[n][1];
            weights[n] = 1;
        }
        return new Interactions(FIVE, users, items, weights);
    }

    private static ItemScorer fixed(float[][] scores) {
        return new ItemScorer() {
            @Override
            public int itemCount() {
                return scores[0].length;
            }

            @Override
            public float[] scores(int user) {
                return scores[user].clone();
            }
        };
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
