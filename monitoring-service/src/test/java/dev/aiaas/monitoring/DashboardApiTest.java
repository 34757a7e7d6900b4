package dev.aiaas.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.table.CsvTableReader;
import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.common.v1.ArtifactRef;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.StoredArtifact;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's JSON API without a browser: the shape of each route's answer over real traffic
 * (half an hour of an Iris endpoint, {@link DashboardScenario}), a peer that is away, and the
 * refusals a caller can act on.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@TestProfile(DashboardProfile.class)
class DashboardApiTest {

    private static final Path IRIS = Files.exists(Path.of("../datasets/iris.csv"))
            ? Path.of("../datasets/iris.csv") : Path.of("../../shared/datasets/iris.csv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v1/dashboard/";

    /** The endpoint the scenario was played at, once for every test of the class. */
    private static String endpoint;

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    @BeforeEach
    void playOnce() throws Exception {
        if (endpoint == null) {
            String played = LoggedPredictions.endpoint("dash-api");
            DashboardScenario.play(monitoring, played, iris(), profile(store, iris()));
            endpoint = played;
        }
    }

    @Test
    void theOverviewListsDeploymentsWithTheirTrafficSplitAndModelsWithLineageAsThePeersSayInTheCallersProject()
            throws Exception {
        JsonNode overview = ok(given().get(API + "overview"));

        assertThat(overview.get("project").asText()).isEqualTo("default");
        assertThat(overview.get("endpoints").has("unavailable")).isFalse();
        JsonNode deployed = find(overview.get("endpoints").get("items"),
                e -> e.get("endpoint").asText().equals(PeerStandIns.ENDPOINT));
        JsonNode deployment = deployed.get("deployment");
        assertThat(deployment.get("model").asText()).isEqualTo("iris");
        assertThat(deployment.get("alias").asText()).isEqualTo("champion");
        assertThat(deployment.get("servingVersion").asLong()).isEqualTo(1);
        assertThat(deployment.get("state").asText()).isEqualTo("READY");
        assertThat(deployment.get("challenger").get("servingVersion").asLong()).isEqualTo(2);
        assertThat(deployment.get("challengerWeight").asInt()).isEqualTo(20);
        assertThat(deployment.get("shadow").get("version").asLong()).isEqualTo(3);
        assertThat(deployment.get("shadowShare").asInt()).isEqualTo(50);
        JsonNode monitoredOnly = find(overview.get("endpoints").get("items"),
                e -> e.get("endpoint").asText().equals(endpoint));
        assertThat(monitoredOnly.get("monitored").asBoolean()).isTrue();
        assertThat(monitoredOnly.get("deployment").isNull()).as("serving has no deployment of it").isTrue();

        assertThat(overview.get("models").has("unavailable")).isFalse();
        JsonNode model = overview.get("models").get("items").get(0);
        assertThat(model.get("name").asText()).isEqualTo("iris");
        assertThat(model.get("description").asText()).as("the call carried the project").isEqualTo("iris of project default");
        assertThat(model.get("aliases").get("champion").asLong()).isEqualTo(1);
        JsonNode newest = model.get("versions").get(0);
        assertThat(newest.get("version").asLong()).isEqualTo(3);
        assertThat(newest.get("family").asText()).isEqualTo("MLP");
        assertThat(newest.get("metrics").get("test_accuracy").asDouble()).isEqualTo(0.91);
        assertThat(newest.get("lineage").get("dataset").asText()).isEqualTo("iris");
        assertThat(newest.get("lineage").get("datasetVersion").asLong()).isEqualTo(3);
        assertThat(newest.get("lineage").get("pipeline").asText()).isEqualTo("iris-standard");
        assertThat(newest.get("lineage").get("trainingJobId").asText()).isEqualTo("job-3");
        assertThat(model.get("versions").get(2).get("aliases")).extracting(JsonNode::asText).containsExactly("champion");
    }

    @Test
    void whenTheRegistryAndServingAreAwayTheOverviewAnswersWhatMonitoringHasAndSaysWhyPerSection() throws Exception {
        JsonNode overview = ok(given().header("aiaas-project", PeerStandIns.AWAY).get(API + "overview"));

        assertThat(overview.get("project").asText()).isEqualTo(PeerStandIns.AWAY);
        assertThat(overview.get("endpoints").get("items")).isEmpty();
        assertThat(overview.get("endpoints").get("unavailable").asText())
                .isEqualTo("serving did not answer: UNAVAILABLE the stand-in serving is away");
        assertThat(overview.get("models").get("items")).isEmpty();
        assertThat(overview.get("models").get("unavailable").asText())
                .isEqualTo("the registry did not answer: UNAVAILABLE the stand-in registry is away");
    }

    @Test
    void trafficCountsWhatClientsGotPerWindowAndEveryVersionInItsRole() throws Exception {
        JsonNode traffic = ok(given().queryParam("minutes", 60).queryParam("window", 60)
                .get(API + "endpoints/" + endpoint + "/traffic"));

        assertThat(traffic.get("endpoint").asText()).isEqualTo(endpoint);
        assertThat(traffic.get("windowSeconds").asLong()).isEqualTo(60);
        assertThat(traffic.get("totals").get("requests").asLong()).as("champion and challenger").isEqualTo(60);
        assertThat(traffic.get("totals").get("errors").asLong()).isEqualTo(10);
        assertThat(traffic.get("totals").get("p99").asDouble()).isBetween(0.003, 0.007);
        JsonNode windows = traffic.get("windows");
        assertThat(windows.size()).as("two requests every minute for half an hour").isBetween(30, 31);
        assertThat(sum(windows, "requests")).isEqualTo(60);
        assertThat(windows.get(0).get("p50").asDouble()).isPositive();
        assertThat(stream(traffic.get("versions")).map(v -> tuple(v.get("model").asText(), v.get("version").asLong(),
                v.get("role").asText(), v.get("totals").get("requests").asLong(), v.get("totals").get("errors").asLong())))
                .containsExactly(tuple("iris", 1L, "champion", 45L, 5L), tuple("iris", 2L, "challenger", 15L, 5L),
                        tuple("iris", 3L, "shadow", 30L, 0L));
        assertThat(stream(traffic.get("versions")).mapToLong(v -> sum(v.get("windows"), "requests")))
                .containsExactly(45L, 15L, 30L);
    }

    @Test
    void qualityScoresEachVersionInItsRoleOverTimeAndComparesTheShadowWithWhatClientsGot() throws Exception {
        JsonNode quality = ok(given().get(API + "endpoints/" + endpoint + "/quality"));

        assertThat(stream(quality.get("totals")).map(v -> tuple(v.get("role").asText(), v.get("kind").asText(),
                v.get("requests").asLong(), v.get("accuracy").asDouble())))
                .containsExactly(tuple("champion", "classification", 40L, 0.9),
                        tuple("challenger", "classification", 10L, 1.0), tuple("shadow", "classification", 30L, 0.8));
        assertThat(quality.get("totals").get(0).get("mse").isNull()).as("a classifier has no MSE").isTrue();
        assertThat(quality.get("windows").size()).isBetween(30, 31);
        assertThat(quality.get("windows").get(0).get("versions").get(0).get("accuracy").isNumber()).isTrue();
        JsonNode shadow = quality.get("shadows").get(0);
        assertThat(shadow.get("shadowVersion").asLong()).isEqualTo(3);
        assertThat(shadow.get("paired").asLong()).isEqualTo(30);
        assertThat(shadow.get("agreement").asDouble()).as("they differ on one row in ten").isEqualTo(0.9);
        assertThat(shadow.get("servedAccuracy").asDouble()).isEqualTo(0.9);
        assertThat(shadow.get("shadowAccuracy").asDouble()).isEqualTo(0.8);
    }

    @Test
    void driftIsASnapshotOfEveryFeatureAtEachPassOldestFirst() throws Exception {
        JsonNode drift = await(API + "endpoints/" + endpoint + "/drift",
                d -> !d.get("latest").isNull() && d.get("latest").get("sampleRows").asLong() == 400);

        List<JsonNode> snapshots = stream(drift.get("snapshots")).toList();
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots).extracting(s -> s.get("takenAt").asText()).isSorted();
        JsonNode latest = drift.get("latest");
        assertThat(latest).isEqualTo(snapshots.get(snapshots.size() - 1));
        assertThat(latest.get("model").asText()).isEqualTo("iris");
        assertThat(latest.get("version").asLong()).isEqualTo(1);
        assertThat(stream(latest.get("features")).map(f -> f.get("feature").asText()))
                .containsExactlyElementsOf(PredictionRows.FEATURES);
        assertThat(latest.get("features")).allSatisfy(feature -> {
            assertThat(feature.get("method").asText()).isEqualTo("KS");
            assertThat(feature.get("statistic").isNumber()).isTrue();
            assertThat(feature.get("pValue").isNumber()).isTrue();
            assertThat(feature.get("drifted").isBoolean()).isTrue();
        });
        assertThat(latest.get("driftShare").asDouble()).as("inputs moved by up to 1.2 std").isPositive();
    }

    @Test
    void alertsListTheRuleThatFiredAndDecisionsAnEmptyList() throws Exception {
        JsonNode alerts = await(API + "alerts?endpoint=" + endpoint, a -> a.size() > 0);

        JsonNode fired = alerts.get(0);
        assertThat(fired.get("endpoint").asText()).isEqualTo(endpoint);
        assertThat(fired.get("rule").asText()).isEqualTo("errors");
        assertThat(fired.get("kind").asText()).isEqualTo("ERROR_RATE");
        assertThat(fired.get("severity").asText()).isEqualTo("critical");
        assertThat(fired.get("state").asText()).isEqualTo("FIRING");
        assertThat(fired.get("value").asDouble()).isGreaterThan(0.05);
        assertThat(fired.get("endsAt").isNull()).isTrue();
        assertThat(ok(given().get(API + "alerts?state=resolved&endpoint=" + endpoint))).isEmpty();
        assertThat(ok(given().get(API + "decisions?endpoint=" + endpoint))).isEmpty();
    }

    @Test
    void anEndpointMonitoringHasNotSeenIsNotFoundWithTheReasonAndSoIsOneOfAnotherProject() {
        for (String part : List.of("traffic", "quality", "drift")) {
            given().get(API + "endpoints/never-served/" + part).then().statusCode(404)
                    .body("error", org.hamcrest.Matchers.equalTo(
                            "monitoring has seen no prediction for endpoint 'never-served'"));
            given().header("aiaas-project", "another").get(API + "endpoints/" + endpoint + "/" + part).then()
                    .statusCode(404);
        }
    }

    @Test
    void aRangeThatCannotBeReadIsRefusedWithWhatToAskFor() {
        given().queryParam("minutes", "an hour").get(API + "endpoints/" + endpoint + "/traffic").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("minutes must be a whole number"));
        given().queryParam("minutes", 60 * 24 * 40).get(API + "endpoints/" + endpoint + "/traffic").then()
                .statusCode(400).body("error", org.hamcrest.Matchers.containsString("ask for a shorter one"));
        given().queryParam("state", "pending").get(API + "alerts").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("firing or resolved"));
    }

    static Table iris() throws Exception {
        return CsvTableReader.read(IRIS, "species");
    }

    /** The training baseline profile of {@code iris}, stored as training stores it. */
    static ArtifactRef profile(ArtifactStore store, Table iris) throws Exception {
        StoredArtifact stored = store.put("models/iris/" + UUID.randomUUID() + "/profile.json",
                FeatureProfileJson.write(FeatureProfile.of(iris)).getBytes(StandardCharsets.UTF_8), "application/json");
        return ArtifactRef.newBuilder().setRole("profile").setKey(stored.key()).setSha256(stored.sha256()).build();
    }

    private static JsonNode ok(Response response) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return JSON.readTree(response.asString());
    }

    private static JsonNode await(String path, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = ok(given().get(path));
            if (ready.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " never got there; the last answer: " + last);
    }

    private static JsonNode find(JsonNode items, Predicate<JsonNode> which) {
        return stream(items).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("nothing such among " + items));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static long sum(JsonNode windows, String field) {
        return stream(windows).mapToLong(w -> w.get(field).asLong()).sum();
    }
}
