package dev.aiaas.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.Projects;
import dev.aiaas.proto.preprocess.v1.GetPreparedDatasetRequest;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc.PreprocessServiceBlockingStub;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class PreparedDatasetTest {

    @GrpcClient("preprocess")
    PreprocessServiceBlockingStub preprocess;

    @Inject
    ArtifactStore store;

    @Test
    void preparedManifestIsReadBackFromTheObjectStore() {
        String dataset = "iris-" + UUID.randomUUID().toString().substring(0, 8);
        String manifest = """
                {"dataset": "%s", "datasetVersion": "2", "featureNames": ["sepal_length", "petal_length"],
                 "inputShape": ["2"], "classLabels": ["setosa", "versicolor"],
                 "splits": [{"name": "train", "rows": "105"}]}""".formatted(dataset);
        store.put(ObjectKeys.preparedManifest(Projects.DEFAULT, dataset, 2, "default"), manifest.getBytes(StandardCharsets.UTF_8),
                "application/json");

        PreparedDataset prepared = preprocess.getPreparedDataset(GetPreparedDatasetRequest.newBuilder()
                .setDataset(dataset).setDatasetVersion(2).setPipeline("default").build());

        assertThat(prepared.getFeatureNamesList()).containsExactly("sepal_length", "petal_length");
        assertThat(prepared.getClassLabelsList()).containsExactly("setosa", "versicolor");
        assertThat(prepared.getSplits(0).getRows()).isEqualTo(105);
    }

    @Test
    void neverPreparedDatasetIsNotFoundAndBadNamesAreInvalid() {
        assertThatThrownBy(() -> preprocess.getPreparedDataset(GetPreparedDatasetRequest.newBuilder()
                .setDataset("never-prepared").setDatasetVersion(1).setPipeline("default").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("run Prepare first");
                });
        assertThatThrownBy(() -> preprocess.getPreparedDataset(GetPreparedDatasetRequest.newBuilder()
                .setDataset("../etc").setDatasetVersion(1).setPipeline("default").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
}
