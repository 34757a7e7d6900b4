package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.preprocess.messaging.PreparedEvents;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.preprocess.model.SealedDataset;
import dev.aiaas.preprocess.model.SealedVersion;
import dev.aiaas.preprocess.storage.PreparedManifest;
import dev.aiaas.preprocess.storage.SealReceipts;
import dev.aiaas.preprocess.storage.SealedDatasetReader;
import dev.aiaas.proto.preprocess.v1.PreparedDataset;
import dev.aiaas.storage.ObjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Prepares a sealed dataset version of a project: split it, fit the pipeline on the training split
 * only, apply the fitted pipeline to every split, and write tensors, transform, baseline
 * profile and (last) the manifest. Only a version whose seal committed is read: the one
 * {@link SealReceipts} names. A prepared dataset is immutable: preparing it again with the same
 * spec returns what was written the first time; the same pipeline name with another spec is
 * refused (ALREADY_EXISTS), and its tensors could never be mixed up anyway, since each spec's
 * output lies under its own digest. Everything is read and written under the request's project:
 * a version sealed in another project has no receipt here, so it is NOT_FOUND like a missing one.
 *
 * <p>Preparations of one dataset version and pipeline name take turns in this process, so two
 * requests racing with different specs cannot both write the name's manifest.
 */
@ApplicationScoped
public class Preparation {

    private static final Logger LOG = Logger.getLogger(Preparation.class);
    private static final int LOCK_STRIPES = 64;

    private final Object[] locks = Stream.generate(Object::new).limit(LOCK_STRIPES).toArray();

    @Inject
    SealReceipts receipts;

    @Inject
    SealedDatasetReader reader;

    @Inject
    RowPreparation rows;

    @Inject
    SequencePreparation sequences;

    @Inject
    InteractionsPreparation interactions;

    @Inject
    PreparedCatalog catalog;

    @Inject
    PreparedManifest manifests;

    @Inject
    PreparedEvents events;

    /** Prepares the dataset version, or returns the manifest already written for the same spec. */
    public PreparedDataset prepare(PreparationRequest request) {
        String name = request.project() + "/" + request.dataset() + "/" + request.datasetVersion() + "/"
                + request.pipeline();
        synchronized (locks[Math.floorMod(name.hashCode(), LOCK_STRIPES)]) {
            Optional<PreparedDataset> existing = catalog.find(request.project(), request.dataset(),
                    request.datasetVersion(), request.pipeline());
            if (existing.isPresent()) {
                return sameSpec(existing.get(), request);
            }
            return prepareNew(request);
        }
    }

    private static PreparedDataset sameSpec(PreparedDataset existing, PreparationRequest request) {
        if (!existing.getSpecSha256().equals(request.specSha256())) {
            throw DomainException.alreadyExists("dataset " + request.dataset() + " v" + request.datasetVersion()
                    + " was already prepared with pipeline '" + request.pipeline() + "' from another spec (sha256 "
                    + abbreviated(existing.getSpecSha256()) + ", this request's " + abbreviated(request.specSha256())
                    + "): give these steps and split a new pipeline name");
        }
        return existing;
    }

    private PreparedDataset prepareNew(PreparationRequest request) {
        long started = System.nanoTime();
        SealedVersion sealed = receipts.find(request.project(), request.dataset(), request.datasetVersion())
                .orElseThrow(() -> DomainException.notFound("dataset " + request.dataset() + " has no sealed version "
                        + request.datasetVersion() + " that preprocess has received: seal it with SealVersion, or "
                        + "retry once its DatasetVersionSealed event has arrived"));
        SealedDataset data = reader.read(sealed);
        PreparedOutput output = fitAndWrite(request, data.table(), task(request, data));
        PreparedDataset manifest = manifests.write(output);
        events.prepared(request.project(), request.dataset(), request.datasetVersion(), request.pipeline(),
                outputFolder(request));
        LOG.infof("prepared %s v%d of project %s with pipeline %s (spec %s): %d rows in %d ms", request.dataset(),
                request.datasetVersion(), request.project(), request.pipeline(), abbreviated(request.specSha256()),
                data.table().rowCount(), (System.nanoTime() - started) / 1_000_000);
        return manifest;
    }

    private static String outputFolder(PreparationRequest request) {
        return ObjectKeys.preparedOutput(request.project(), request.dataset(), request.datasetVersion(),
                request.pipeline(), request.specSha256());
    }

    private static String abbreviated(String sha256) {
        return sha256.isEmpty() ? "none recorded" : sha256.substring(0, Math.min(16, sha256.length()));
    }

    /**
     * The task the pipeline names (interactions are normalised to RECOMMENDATION), else the one the
     * label's type suggests; a sequence forecasts numbers.
     */
    private static LabelTask task(PreparationRequest request, SealedDataset data) {
        return switch (request.spec().getTask()) {
            case CLASSIFICATION -> LabelTask.CLASSIFICATION;
            case REGRESSION -> LabelTask.REGRESSION;
            case ANOMALY -> LabelTask.ANOMALY;
            case RECOMMENDATION -> LabelTask.RECOMMENDATION;
            case TASK_UNSPECIFIED, UNRECOGNIZED -> request.sequence() ? LabelTask.REGRESSION : data.inferredTask();
        };
    }

    private PreparedOutput fitAndWrite(PreparationRequest request, Table table, LabelTask task) {
        String prefix = outputFolder(request);
        if (task == LabelTask.RECOMMENDATION) {
            return interactions.prepare(request, table, prefix);
        }
        return request.sequence() ? sequences.prepare(request, table, prefix) : rows.prepare(request, table, task, prefix);
    }
}
