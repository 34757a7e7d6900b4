package dev.aiaas.serving;

import static dev.aiaas.serving.FixtureArtifacts.ref;

import dev.aiaas.errors.Projects;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.models.DevicePreference;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.models.recommend.RecommenderPlan;
import dev.aiaas.models.recommend.RecommenderSpec;
import dev.aiaas.models.recommend.RecommenderTrainer;
import dev.aiaas.models.recommend.ScoredItem;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.storage.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A recommender as serving meets one, trained here as training trains one (BPR, seeded, a few
 * epochs) and saved with {@link LoadedRecommender#save}: ten users, "101" to "110" (numeric, so a
 * client may send them as INT64), and twelve items, "item-01" to "item-12", in two tastes (the
 * first five users take three of items 1-6, the next four three of items 7-12, some one across);
 * user {@value #HEAVY_USER} had items 1 to 10 in training, so only two are left to recommend it.
 * Registered under family MATRIX_FACTORISATION with the three files training registers:
 * {@value #MODEL} v1 is servable; v2 has v1's parameters with the spec and interactions of a
 * recommender of another dimension (files that do not fit one another), v3 no interactions.
 */
final class RecommenderModels {

    static final String MODEL = "recommender";
    static final String HEAVY_USER = "110";
    static final int USERS = 10;
    static final int ITEMS = 12;
    static final int DIMENSION = 8;

    private static RecommenderModels registered;

    /** The trained recommender, as training left it: what serving must answer. */
    final LoadedRecommender model;
    private final Path saved;
    private final Path otherDimension;

    private RecommenderModels() throws Exception {
        Interactions interactions = interactions();
        model = train(interactions, DIMENSION, 15);
        saved = Files.createTempDirectory("fixture-recommender").resolve("v1");
        model.save(saved);
        otherDimension = Files.createTempDirectory("fixture-recommender").resolve("other");
        try (LoadedRecommender other = train(interactions, DIMENSION / 2, 1)) {
            other.save(otherDimension);
        }
    }

    /** Made once per test JVM; {@value #MODEL} v1 (servable), v2 (files that do not fit), v3 (no interactions). */
    static synchronized RecommenderModels registered(ArtifactStore store) throws Exception {
        if (registered == null) {
            RecommenderModels models = new RecommenderModels();
            models.register(store);
            registered = models;
        }
        return registered;
    }

    /** The user's {@code k} best items as the trained model ranks them, best first. */
    List<ScoredItem> top(String user, int k, boolean excludeSeen) {
        return model.topK(model.index().userRow(user), k, excludeSeen);
    }

    String itemId(ScoredItem item) {
        return model.index().itemId(item.item());
    }

    /** The ids of the items {@code user} had in training. */
    List<String> trainingItems(String user) {
        return Arrays.stream(model.seen().itemsOf(model.index().userRow(user))).mapToObj(model.index()::itemId)
                .toList();
    }

    static String user(int n) {
        return Integer.toString(101 + n);
    }

    private static String item(int n) {
        return String.format("item-%02d", n + 1);
    }

    private static Interactions interactions() {
        List<String> users = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int u = 0; u < USERS - 1; u++) {
            int taste = u < 5 ? 0 : 6;
            for (int step = 0; step < 3; step++) {
                users.add(user(u));
                items.add(item(taste + (u + 2 * step) % 6));
            }
            if (u % 4 == 0) {
                users.add(user(u));
                items.add(item((taste + 6) % ITEMS + u % 6)); // the other taste
            }
        }
        for (int i = 0; i < ITEMS - 2; i++) {
            users.add(HEAVY_USER);
            items.add(item(i));
        }
        return Interactions.fromEvents(users, items, Interactions.Weighting.ONE);
    }

    private static LoadedRecommender train(Interactions interactions, int dimension, int epochs) {
        RecommenderPlan plan = new RecommenderPlan(epochs, 8, 0.05, 1e-4, 2, 5, DevicePreference.CPU);
        return new RecommenderTrainer().train(RecommenderSpec.forInteractions(dimension, interactions), plan,
                interactions, Interactions.none(interactions.index()));
    }

    private void register(ArtifactStore store) throws Exception {
        String family = ModelFamily.MATRIX_FACTORISATION.name();
        String prefix = "models/recommender/made-1/";
        ArtifactRef parameters = ref("parameters", store.put(prefix + "recommender-0000.params", params(saved)));
        ArtifactRef spec = ref("model-spec", store.put(prefix + LoadedRecommender.SPEC_FILE,
                saved.resolve(LoadedRecommender.SPEC_FILE)));
        ArtifactRef interactions = ref("interactions", store.put(prefix + LoadedRecommender.INTERACTIONS_FILE,
                saved.resolve(LoadedRecommender.INTERACTIONS_FILE)));
        PeerRegistry.addVersion(Projects.DEFAULT, MODEL, 1, family, List.of(parameters, spec, interactions));
        String other = "models/recommender/other-dimension/";
        PeerRegistry.addVersion(Projects.DEFAULT, MODEL, 2, family, List.of(parameters,
                ref("model-spec", store.put(other + LoadedRecommender.SPEC_FILE,
                        otherDimension.resolve(LoadedRecommender.SPEC_FILE))),
                ref("interactions", store.put(other + LoadedRecommender.INTERACTIONS_FILE,
                        otherDimension.resolve(LoadedRecommender.INTERACTIONS_FILE)))));
        PeerRegistry.addVersion(Projects.DEFAULT, MODEL, 3, family, List.of(parameters, spec));
    }

    /** The one parameters file {@code save} wrote. */
    private static Path params(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".params")).findFirst().orElseThrow();
        }
    }
}
