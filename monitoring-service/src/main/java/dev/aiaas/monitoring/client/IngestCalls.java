package dev.aiaas.monitoring.client;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import dev.aiaas.monitoring.config.MonitoringConfig;
import dev.aiaas.proto.ingest.v1.Dataset;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.GetDatasetRequest;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import dev.aiaas.proto.ingest.v1.ListDatasetVersionsRequest;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The retraining loop's calls to ingest, in the caller's project ({@code ProjectScope}). */
@ApplicationScoped
public class IngestCalls {

    @GrpcClient("ingest")
    IngestServiceBlockingStub ingest;

    @Inject
    MonitoringConfig config;

    public Dataset dataset(String name) {
        return PeerCall.call("ingest", "describe dataset " + name,
                () -> stub().getDataset(GetDatasetRequest.newBuilder().setName(name).build()));
    }

    /** The dataset's versions, newest first. */
    public List<DatasetVersion> versions(String name) {
        return PeerCall.call("ingest", "list the versions of dataset " + name, () -> stub()
                .listDatasetVersions(ListDatasetVersionsRequest.newBuilder().setDataset(name).build()).getVersionsList());
    }

    /** Seals the dataset's open rows; empty when none were open (another seal took them first). */
    public Optional<DatasetVersion> seal(String name) {
        try {
            return Optional.of(PeerCall.call("ingest", "seal dataset " + name,
                    () -> stub().sealVersion(SealVersionRequest.newBuilder().setDataset(name).build())));
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.FAILED_PRECONDITION) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private IngestServiceBlockingStub stub() {
        return ingest.withDeadlineAfter(config.loop().callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
