package dev.aiaas.bench.training;

import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.cli.demo.FileImport;
import dev.aiaas.cli.demo.PreparedDatasets;
import dev.aiaas.localstack.Progress;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.ingest.v1.DatasetVersion;
import dev.aiaas.proto.ingest.v1.SealVersionRequest;
import dev.aiaas.proto.ingest.v1.UploadSummary;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The digits made ready to train on by the real services, as a user does it: CreateDataset,
 * ImportFile of datasets/mnist10k.u8.gz, SealVersion, then preprocess prepares the sealed
 * version by itself (its default pipeline: pixels scaled, a stratified 70/15/15 split).
 */
final class PreparedDigits {

    static final String DATASET = "bench-digits";
    private static final String PIPELINE = "default";
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(5);

    private PreparedDigits() {
    }

    static PreparedDataset prepare(Services services, Path datasets, Progress progress) throws Exception {
        DemoDataset digits = DemoDataset.digits(datasets);
        services.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(DATASET)
                .setSchema(digits.schema()).setDescription("bench/run training").build());
        UploadSummary upload = FileImport.send(services.ingestAsync(), DATASET, digits.format(), digits.file());
        if (upload.getRejected() > 0) {
            throw new IllegalStateException("ingest refused " + upload.getRejected() + " digits: "
                    + upload.getErrorsList());
        }
        DatasetVersion version = services.ingest().sealVersion(SealVersionRequest.newBuilder().setDataset(DATASET)
                .build());
        progress.step(String.format(Locale.ROOT, "imported and sealed %s v%d (%,d digits)", DATASET,
                version.getVersion(), version.getRowCount()));
        PreparedDataset prepared = PreparedDatasets.await(services.preprocess(), DATASET, version.getVersion(), PIPELINE,
                PREPARE_TIMEOUT);
        progress.step("prepared by preprocess: splits " + prepared.getSplitsList().stream()
                .map(s -> s.getName() + " " + s.getRows()).toList() + ", input shape " + prepared.getInputShapeList());
        return prepared;
    }
}
