package dev.aiaas.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aiaas.ml.interactions.HoldOut;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.EpochReport;
import dev.aiaas.models.TrainingCancelledException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a recommender trains and travels: the BPR loss's value, a seeded run that finds two
 * communities' tastes and repeats itself exactly, progress and cancellation, and the refusals of
 * interactions, parameters and folders that do not fit.
 */
class RecommenderTrainingContractTest {

    private static final RecommenderPlan PLAN = new RecommenderPlan(30, 32, 0.02, 1e-4, 4, 5, DevicePreference.CPU);

    @TempDir
    Path scratch;

    @Test
    void theLossIsTheWeightedMeanOfMinusLogSigmoidOfEachMarginAndNeverOverflows() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList scores = new NDList(manager.create(new float[] {2, 0, 1, 0, 100, -100}, new Shape(2, 3)));
            NDList weights = new NDList(manager.create(new float[] {2, 1}));

            float loss = new BprLoss().evaluate(weights, scores).getFloat();

            double first = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1))) / 2 * 2;
            double second = (100 + Math.log1p(Math.exp(-100)) + Math.log1p(Math.exp(-100))) / 2;
            assertThat((double) loss).isCloseTo((first + second) / 2, within(1e-4));
        }
    }

    @Test
    void aSeededRecommenderLearnsEachCommunitysItemsAndTrainsTheSameTwice() throws Exception {
        Interactions all = communities();
        HoldOut.Split split = new HoldOut(0.2, 0.2, 1).split(all);
        RecommenderSpec spec = RecommenderSpec.forInteractions(8, all);
        List<EpochReport> epochs = new ArrayList<>();

        try (LoadedRecommender first = new RecommenderTrainer().train(spec, PLAN, split.train(), split.validation(),
                epochs::add, () -> false);
                LoadedRecommender second = new RecommenderTrainer().train(spec, PLAN, split.train(),
                        Interactions.none(all.index()))) {
            RankingMetrics found = RecommenderEvaluation.evaluate(first, split.train(), split.test(), 5);
            RankingMetrics popular = RecommenderEvaluation.evaluate(MostPopular.of(split.train()), split.train(),
                    split.test(), 5);

            System.out.printf("communities: recall@5 %.3f, most-popular %.3f%n", found.recall(), popular.recall());
            assertThat(found.recall()).isGreaterThan(popular.recall() + 0.5);
            int inCommunity = 0;
            for (int user = 0; user < all.userCount(); user++) {
                int community = user < 20 ? 0 : 20;
                inCommunity += (int) first.topK(user, 5, true).stream()
                        .filter(s -> s.item() >= community && s.item() < community + 20).count();
                assertThat(second.scores(user)).containsExactly(first.scores(user));
            }
            System.out.printf("communities: %d of 200 suggestions in the user's community%n", inCommunity);
            assertThat(inCommunity).as("users 0-19 have items 0-19, users 20-39 items 20-39")
                    .isGreaterThanOrEqualTo(180);
            assertThat(epochs).hasSize(30);
            assertThat(epochs.get(29).validation()).containsOnlyKeys("recall_at_10", "ndcg_at_10", "coverage_at_10");
            assertThat(epochs.get(29).trainLoss()).isLessThan(epochs.get(0).trainLoss() / 2);
        }
    }

    @Test
    void trainingStopsWhenCancelledAndRefusesInteractionsOfAnotherIndex() {
        Interactions all = communities();
        RecommenderSpec spec = RecommenderSpec.forInteractions(8, all);
        Interactions other = RecommenderDataContractTest.randomInteractions(new int[] {2, 3}, 10, 1);
        int[] batches = {0};

        assertThatThrownBy(() -> new RecommenderTrainer().train(spec, PLAN, all, Interactions.none(all.index()),
                report -> { }, () -> ++batches[0] > 7)).isInstanceOf(TrainingCancelledException.class)
                .hasMessage("training was cancelled during epoch 1");
        assertThatThrownBy(() -> new RecommenderTrainer().train(spec, PLAN, all, other))
                .hasMessageContaining("the validation interactions index 2 users and");
        assertThatThrownBy(() -> new RecommenderTrainer().train(spec, PLAN, Interactions.none(all.index()),
                Interactions.none(all.index()))).hasMessageContaining("no training interactions");
    }

    @Test
    void aSavedRecommenderRefusesAnotherSpecAndASecondSaveIntoItsFolder() throws Exception {
        Interactions all = communities();
        RecommenderPlan quick = new RecommenderPlan(1, 64, 0.01, 0, 1, 1, DevicePreference.CPU);
        try (LoadedRecommender trained = new RecommenderTrainer().train(RecommenderSpec.forInteractions(8, all), quick,
                all, Interactions.none(all.index()))) {
            Path folder = scratch.resolve("saved");
            trained.save(folder);

            assertThatThrownBy(() -> trained.save(folder)).hasMessageContaining("already holds a recommender");
            assertThatThrownBy(() -> trained.topK(40, 3, true)).hasMessageContaining("user row 40 is outside");
            Files.writeString(folder.resolve(LoadedRecommender.SPEC_FILE),
                    RecommenderSpecJson.write(RecommenderSpec.forInteractions(16, all)));
            assertThatThrownBy(() -> LoadedRecommender.load(folder, Device.cpu()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("user_factors has shape (40, 8) where the spec needs (40, 16)");
        }
    }

    /** 40 users and 40 items: users 0-19 have six of items 0-19, users 20-39 six of items 20-39. */
    private static Interactions communities() {
        List<String> users = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int user = 0; user < 40; user++) {
            int community = user < 20 ? 0 : 20;
            for (int n = 0; n < 6; n++) {
                users.add(String.format("u%02d", user));
                items.add(String.format("i%02d", community + (user * 7 + n * 3) % 20));
            }
        }
        return Interactions.fromEvents(users, items, Interactions.Weighting.ONE);
    }
}
