package dev.aiaas.training;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.errors.Projects;
import dev.aiaas.ml.interactions.HoldOut;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.interactions.InteractionsJson;
import dev.aiaas.ml.interactions.InteractionsNpz;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.table.CategoricalColumn;
import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.storage.ArtifactDigest;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.storage.ProtoJsonObjects;
import dev.aiaas.storage.StoredArtifact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the real flights as preprocess prepares interactions for a recommender: origin to
 * destination routes with shared ids, a fifth of each origin's routes held out for test and a
 * tenth for validation, each split's pairs as an .npz over the index, the index in the
 * transform's place, and the manifest last.
 */
final class PreparedRoutes {

    /** The stored dataset and its splits, to check a trained recommender against. */
    record Written(String dataset, HoldOut.Split split) {
    }

    private PreparedRoutes() {
    }

    /** Writes {@code dataset} v1 (pipeline "default") of the default project. */
    static Written write(ArtifactStore store, String dataset) throws Exception {
        List<String> origins = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        for (JsonNode flight : new ObjectMapper().readTree(flightsJson().toFile())) {
            origins.add(flight.get("origin").asText());
            destinations.add(flight.get("destination").asText());
        }
        Interactions routes = Interactions.fromEvents(origins, destinations, Interactions.Weighting.COUNT);
        HoldOut.Split split = new HoldOut(0.2, 0.1, 42).split(routes);
        String specSha256 = ArtifactDigest.sha256Hex(dataset.getBytes(StandardCharsets.UTF_8));
        String prefix = ObjectKeys.preparedOutput(Projects.DEFAULT, dataset, 1, "default", specSha256);
        PreparedDataset.Builder manifest = PreparedDataset.newBuilder().setDataset(dataset).setDatasetVersion(1)
                .setPipeline(PipelineSpec.newBuilder().setName("default")).setSpecSha256(specSha256)
                .setTask(Task.RECOMMENDATION).setInteractions(InteractionsInfo.newBuilder()
                        .setUsers(routes.userCount()).setItems(routes.itemCount()).setSharedIds(true));
        List<Interactions> parts = List.of(split.train(), split.validation(), split.test());
        List<String> names = List.of("train", "validation", "test");
        for (int i = 0; i < parts.size(); i++) {
            StoredArtifact pairs = store.put(prefix + names.get(i) + ".npz",
                    InteractionsNpz.encode(parts.get(i)), ArtifactStore.BINARY);
            manifest.addSplits(SplitSummary.newBuilder().setName(names.get(i)).setRows(parts.get(i).size())
                    .setTensors(ref("tensors", pairs)));
        }
        byte[] index = InteractionsJson.write(Interactions.none(routes.index())).getBytes(StandardCharsets.UTF_8);
        manifest.setTransform(ref("transform", store.put(prefix + "transform.json", index, "application/json")));
        Table events = Table.of(CategoricalColumn.of("origin", origins.toArray(String[]::new)),
                CategoricalColumn.of("destination", destinations.toArray(String[]::new)));
        manifest.setProfile(ref("profile", store.put(prefix + "profile.json",
                FeatureProfileJson.write(FeatureProfile.of(events)).getBytes(StandardCharsets.UTF_8),
                "application/json")));
        ProtoJsonObjects.write(store, ObjectKeys.preparedManifest(Projects.DEFAULT, dataset, 1, "default"),
                manifest.build());
        return new Written(dataset, split);
    }

    private static ArtifactRef ref(String role, StoredArtifact stored) {
        return ArtifactRef.newBuilder().setRole(role).setKey(stored.key()).setSha256(stored.sha256())
                .setSizeBytes(stored.size()).build();
    }

    private static Path flightsJson() {
        Path found = Stream.of(Path.of("../datasets/flights-20k.json"), Path.of("../../shared/datasets/flights-20k.json"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(found != null, "flights-20k.json is not on this machine (datasets/ or ../shared/datasets/)");
        return found;
    }
}
