package dev.aiaas.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.Projects;
import dev.aiaas.preprocess.storage.SealReceipts;
import dev.aiaas.proto.events.v1.DatasetPrepared;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
import dev.aiaas.proto.preprocess.v1.Split;
import dev.aiaas.proto.preprocess.v1.SplitSummary;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.storage.ObjectKeys;
import dev.aiaas.testing.RealServersResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Projects are the unit of isolation: a dataset version sealed in one project is received,
 * prepared and announced in that project only, under its keys ({@code projects/{p}/prepared/…});
 * another project asking for it, or preparing it, is answered exactly as for one never sealed.
 * Security is off in tests, so a call names its project in the {@value Projects#HEADER} header.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class ProjectIsolationTest {


    @GrpcClient("preprocess")
    PreprocessServiceBlockingStub preprocess;

    @Inject
    ArtifactStore store;

    @Inject
    SealReceipts receipts;

    @Test
    void aVersionSealedInBetaIsPreparedUnderBetasKeysAndAnnouncedForBeta() throws Exception {
        PreprocessTopics.announceSeal(SealedFixture.sealIris(store, "beta", "iris", 1));

        PreparedDataset prepared = awaitPrepared("beta", "iris", 1, Duration.ofSeconds(60));

        String folder = "projects/beta/prepared/iris/v1/default/";
        String output = folder + prepared.getSpecSha256().substring(0, 16) + "/";
        assertThat(prepared.getSplitsList()).extracting(s -> s.getTensors().getKey())
                .containsExactly(output + "train.npz", output + "validation.npz", output + "test.npz");
        assertThat(prepared.getTransform().getKey()).isEqualTo(output + "transform.json");
        assertThat(store.stat(folder + "prepared.json")).as("beta's manifest").isPresent();
        assertThat(store.stat("projects/beta/prepared/iris/v1/sealed.json")).as("beta's receipt").isPresent();
        assertThat(store.stat(ObjectKeys.sealReceipt(Projects.DEFAULT, "iris", 1))).as("a receipt in default").isEmpty();
        List<DatasetPrepared> events = PreprocessTopics.preparedEventsOf("iris", 1, Duration.ofSeconds(20));
        assertThat(events).extracting(e -> e.getHeader().getProject() + " " + e.getPrefix())
                .containsExactly("beta " + output);
    }

    @Test
    void anotherProjectsPreparedDatasetAndSealedVersionAreNotFoundLikeMissingOnes() throws Exception {
        receipts.record("beta", SealedFixture.sealIris(store, "beta", "iris", 3));
        PreparedDataset betas = in("beta").prepare(prepare("iris", 3, PipelineSpec.getDefaultInstance()));
        String missing = "nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        String neverPrepared = notFound(() -> in("beta").getPreparedDataset(get(missing, 3))).replace(missing, "?");
        String neverSealed = notFound(() -> in("beta").prepare(prepare(missing, 3, PipelineSpec.getDefaultInstance())))
                .replace(missing, "?");

        assertThat(in("beta").getPreparedDataset(get("iris", 3))).isEqualTo(betas);
        assertThat(notFound(() -> in("alpha").getPreparedDataset(get("iris", 3))).replace("iris", "?"))
                .isEqualTo(neverPrepared);
        assertThat(notFound(() -> preprocess.getPreparedDataset(get("iris", 3))).replace("iris", "?"))
                .as("a call naming no project acts in default").isEqualTo(neverPrepared);
        assertThat(notFound(() -> in("alpha").prepare(prepare("iris", 3, PipelineSpec.getDefaultInstance())))
                .replace("iris", "?")).isEqualTo(neverSealed);
        assertThat(store.stat(ObjectKeys.preparedManifest("alpha", "iris", 3, "default")))
                .as("alpha's failed Prepare wrote nothing").isEmpty();
    }

    @Test
    void theSameDatasetAndPipelineNameArePreparedApartInEachProject() throws Exception {
        receipts.record("alpha", SealedFixture.sealIris(store, "alpha", "iris", 2));
        receipts.record("beta", SealedFixture.sealIris(store, "beta", "iris", 2));

        // one pipeline name, two specs: within one project the second would be ALREADY_EXISTS
        PreparedDataset alphas = in("alpha").prepare(prepare("iris", 2, splitSeeded("std", 7)));
        PreparedDataset betas = in("beta").prepare(prepare("iris", 2, splitSeeded("std", 8)));

        assertThat(alphas.getSpecSha256()).isNotEqualTo(betas.getSpecSha256());
        assertThat(in("alpha").getPreparedDataset(get("iris", 2, "std")).getPipeline().getSplit().getSeed()).isEqualTo(7);
        assertThat(in("beta").getPreparedDataset(get("iris", 2, "std")).getPipeline().getSplit().getSeed()).isEqualTo(8);
        assertThat(alphas.getSplitsList()).extracting(SplitSummary::getTensors)
                .allSatisfy(t -> assertThat(t.getKey()).startsWith("projects/alpha/prepared/iris/v2/std/"));
        assertThat(betas.getSplitsList()).extracting(SplitSummary::getTensors)
                .allSatisfy(t -> assertThat(t.getKey()).startsWith("projects/beta/prepared/iris/v2/std/"));
        notFound(() -> preprocess.getPreparedDataset(get("iris", 2, "std")));
    }

    @Test
    void theDefaultProjectKeepsTheKeysFromBeforeProjects() {
        String dataset = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        String manifest = """
                {"dataset": "%s", "datasetVersion": "2", "featureNames": ["petal_length"],
                 "splits": [{"name": "train", "rows": "105"}]}""".formatted(dataset);
        // where a dataset prepared before projects lies: no projects/ prefix
        store.put("prepared/" + dataset + "/v2/default/prepared.json", manifest.getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThat(preprocess.getPreparedDataset(get(dataset, 2)).getFeatureNamesList()).containsExactly("petal_length");
        assertThat(in(Projects.DEFAULT).getPreparedDataset(get(dataset, 2)).getSplits(0).getRows()).isEqualTo(105);
        notFound(() -> in("alpha").getPreparedDataset(get(dataset, 2)));
    }

    /** Preprocess as seen by a caller of {@code project}. */
    private PreprocessServiceBlockingStub in(String project) {
        return ProjectHeader.on(preprocess, project);
    }

    private PreparedDataset awaitPrepared(String project, String dataset, long version, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return in(project).getPreparedDataset(get(dataset, version));
            } catch (StatusRuntimeException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError(dataset + " v" + version + " of " + project + " was not prepared within " + timeout);
    }

    private static PipelineSpec splitSeeded(String name, long seed) {
        return PipelineSpec.newBuilder().setName(name).setSplit(Split.newBuilder().setTrain(0.7).setValidation(0.15)
                .setTest(0.15).setSeed(seed).setStratify(true)).build();
    }

    private static PrepareRequest prepare(String dataset, long version, PipelineSpec pipeline) {
        return PrepareRequest.newBuilder().setDataset(dataset).setDatasetVersion(version).setPipeline(pipeline).build();
    }

    private static GetPreparedDatasetRequest get(String dataset, long version) {
        return get(dataset, version, "default");
    }

    private static GetPreparedDatasetRequest get(String dataset, long version, String pipeline) {
        return GetPreparedDatasetRequest.newBuilder().setDataset(dataset).setDatasetVersion(version)
                .setPipeline(pipeline).build();
    }

    /** The description of the NOT_FOUND the call fails with. */
    private static String notFound(Runnable call) {
        String[] description = new String[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            description[0] = e.getStatus().getDescription();
        });
        return description[0];
    }
}
