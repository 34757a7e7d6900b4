package dev.aiaas.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.cli.serving.Recommendations.Recommendation;
import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.ingest.v1.FileFormat;
import dev.aiaas.proto.preprocess.v1.Interactions;
import dev.aiaas.proto.preprocess.v1.InteractionsInfo;
import dev.aiaas.proto.training.v1.ModelFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendScenarioTest {

    private static final Path FLIGHTS = Path.of("..", "datasets", RecommendScenario.FILE);

    @Test
    void theFlightsArePreparedAsSharedIdRoutesFromOriginToDestinationForMatrixFactorisation() {
        DemoDataset flights = DemoDataset.flights(Path.of("datasets"));

        assertThat(flights.schema().getColumnsList()).extracting(Column::getName)
                .containsExactly("date", "delay", "distance", "origin", "destination");
        assertThat(flights.schema().getLabelColumn()).isEmpty();
        assertThat(flights.format()).isEqualTo(FileFormat.JSONL);
        assertThat(flights.pipelineName()).isEqualTo("routes");
        assertThat(flights.pipeline().getTask()).isEqualTo(Task.RECOMMENDATION);
        assertThat(flights.pipeline().getInteractions()).isEqualTo(Interactions.newBuilder().setUserColumn("origin")
                .setItemColumn("destination").setSharedIds(true).build());
        assertThat(flights.pipeline().hasSplit()).as("the default per-origin hold-out: 80/10/10, seed 42").isFalse();
        assertThat(flights.family()).isEqualTo(ModelFamily.MATRIX_FACTORISATION);
        assertThat(flights.hyperparameters().getHiddenUnitsList()).containsExactly(32);
        assertThat(flights.hyperparameters().getEpochs()).as("RecommenderPlan.defaults").isEqualTo(40);
        assertThat(flights.hyperparameters().getBatchSize()).isEqualTo(256);
        assertThat(flights.hyperparameters().getLearningRate()).isEqualTo(0.01);
        assertThat(flights.hyperparameters().getNegatives()).as("left to the service's default").isZero();
        assertThat(flights.hyperparameters().getWeightDecay()).as("left to the service's default").isZero();
    }

    @Test
    void theBundledArrayIsImportedAsOneJsonLinePerFlightKeptToTheSchema() throws IOException {
        DemoDataset flights = DemoDataset.flights(FLIGHTS.getParent());

        List<String> lines;
        try (InputStream in = flights.reading().apply(Files.newInputStream(flights.file()))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }

        assertThat(lines).hasSize(20_000);
        assertThat(lines.get(0)).isEqualTo("{\"date\":\"2001/01/01 00:47\",\"delay\":66,\"distance\":1750,"
                + "\"origin\":\"DTW\",\"destination\":\"LAS\"}");
    }

    @Test
    void anArraysObjectsLoseKeysOutsideTheSchemaAndAnythingElseIsPassedOnForIngestToRefuse() throws IOException {
        String array = "[{\"origin\": \"ORD\", \"destination\": \"DEN\", \"gate\": \"B7\"},\n 42, {\"origin\": \"DEN\"}]";

        String lines = new String(new JsonArrayLines(new ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8)),
                Set.of("origin", "destination")).readAllBytes(), StandardCharsets.UTF_8);

        assertThat(lines).isEqualTo("{\"origin\":\"ORD\",\"destination\":\"DEN\"}\n42\n{\"origin\":\"DEN\"}\n");
        assertThat(new ObjectMapper().readTree(lines.lines().findFirst().orElseThrow()).size()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotAnArrayIsRefusedSayingWhatItMustBe() {
        InputStream lines = new JsonArrayLines(new ByteArrayInputStream("{\"origin\": \"ORD\"}\n"
                .getBytes(StandardCharsets.UTF_8)), Set.of("origin"));

        org.assertj.core.api.Assertions.assertThatThrownBy(lines::readAllBytes).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON array");
    }

    @Test
    void theRoutesAreEveryOriginsDestinationsInTheFile() throws IOException {
        Map<String, Set<String>> routes = RecommendScenario.routes(FLIGHTS);

        assertThat(routes).hasSize(220);
        assertThat(routes.values().stream().mapToInt(Set::size).sum()).as("the README's 2,977 routes").isEqualTo(2_977);
        assertThat(routes.get("ORD")).hasSize(108).contains("DEN", "BTV").doesNotContain("HNL");
        assertThat(routes.keySet()).containsAll(RecommendScenario.HUBS);
    }

    @Test
    void theSummaryPrintsRecallBesideMostPopularAndMarksSuggestionsThatAreHeldOutRoutes() {
        DatasetOutcome outcome = new DatasetOutcome("flights", 1, 20_000, List.of(2_380L, 270L, 327L), "job-1", 1,
                Map.of("recall_at_10", 0.75, "popular_recall_at_10", 0.5, "ndcg_at_10", 0.5, "popular_ndcg_at_10",
                        0.375, "coverage_at_10", 0.25, "popular_coverage_at_10", 0.0625), List.of());
        RecommendSummary summary = new RecommendSummary(outcome, InteractionsInfo.newBuilder().setUsers(220)
                .setItems(223).setSharedIds(true).build(), List.of(new Recommendation("ORD", 1, "BTV", 2.5),
                new Recommendation("ORD", 2, "HNL", 1.25), new Recommendation("DEN", 1, "ORD", 3.0)),
                Map.of("ORD", Set.of("BTV", "DEN"), "DEN", Set.of("SLC")), 42.0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(summary.heldOutRoutes("ORD")).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).contains(
                "dataset flights v1: 20000 flights; 220 origins (users), 223 destinations (items), airports shared "
                        + "ids; routes (train/validation/test) [2380, 270, 327]; model flights v1",
                "test recall@10 0.7500 against 0.5000 for recommending the most popular destinations (1.50x); "
                        + "NDCG@10 0.5000 against 0.3750; coverage@10 0.2500 against 0.0625",
                "  ORD: BTV 2.500*, HNL 1.250   (1 of 2 are held-out routes)",
                "  DEN: ORD 3.000   (0 of 1 are held-out routes)",
                "the recommendation scenario took 42.0 s");
    }
}
