package dev.aiaas.preprocess.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.profile.FeatureProfile;
import dev.aiaas.ml.profile.FeatureProfileJson;
import dev.aiaas.ml.split.SplitIndices;
import dev.aiaas.ml.table.Table;
import dev.aiaas.ml.transform.FittedPipeline;
import dev.aiaas.ml.transform.FittedPipelineJson;
import dev.aiaas.ml.transform.Pipeline;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.preprocess.messaging.PreparedEvents;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.preprocess.model.PreparedOutput;
import dev.aiaas.preprocess.model.PreparedOutput.SplitOutput;
import dev.aiaas.preprocess.model.SealedDataset;
import dev.aiaas.preprocess.storage.PreparedManifest;
import dev.aiaas.preprocess.storage.PreparedWriter;
import dev.aiaas.preprocess.storage.SealedDatasetReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Prepares a sealed dataset version: split it, fit the pipeline on the training split
 * only, apply the fitted pipeline to every split, and write tensors, transform, baseline
 * profile and (last) the manifest. A prepared dataset is immutable: preparing it again
 * returns what was written the first time.
 */
@ApplicationScoped
public class Preparation {

    private static final Logger LOG = Logger.getLogger(Preparation.class);

    @Inject
    SealedDatasetReader reader;

    @Inject
    PreparedWriter writer;

    @Inject
    PreparedCatalog catalog;

    @Inject
    PreparedManifest manifests;

    @Inject
    PreparedEvents events;

    /** Prepares the dataset version, or returns the manifest JSON already written for it. */
    public String prepare(PreparationRequest request) {
        if (catalog.exists(request.dataset(), request.datasetVersion(), request.pipeline())) {
            return catalog.manifest(request.dataset(), request.datasetVersion(), request.pipeline());
        }
        long started = System.nanoTime();
        SealedDataset sealed = reader.read(request.dataset(), request.datasetVersion());
        PreparedOutput output = fitAndWrite(request, sealed.table());
        String manifest = manifests.write(output);
        events.prepared(request.dataset(), request.datasetVersion(), request.pipeline(),
                PreparedCatalog.prefix(request.dataset(), request.datasetVersion(), request.pipeline()));
        LOG.infof("prepared %s v%d with pipeline %s: %d rows in %d ms", request.dataset(), request.datasetVersion(),
                request.pipeline(), sealed.table().rowCount(), (System.nanoTime() - started) / 1_000_000);
        return manifest;
    }

    private PreparedOutput fitAndWrite(PreparationRequest request, Table table) {
        if (table.label().isEmpty()) {
            throw DomainException.failedPrecondition("dataset " + request.dataset()
                    + " has no label column: supervised preparation needs one");
        }
        SplitIndices indices;
        FittedPipeline fitted;
        Table train;
        try {
            indices = request.split().split(table);
            train = table.select(indices.train());
            List<Step> steps = request.steps().isEmpty() ? DefaultSteps.forTable(table) : request.steps();
            fitted = new Pipeline(steps, dev.aiaas.ml.transform.LabelTask.CLASSIFICATION).fit(train);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cannot prepare " + request.dataset() + ": " + e.getMessage());
        }
        String prefix = PreparedCatalog.prefix(request.dataset(), request.datasetVersion(), request.pipeline());
        List<SplitOutput> splits = new ArrayList<>();
        splits.add(split("train", train, fitted, prefix));
        splits.add(split("validation", table.select(indices.validation()), fitted, prefix));
        splits.add(split("test", table.select(indices.test()), fitted, prefix));
        var transform = writer.writeJson(prefix + "transform.json", FittedPipelineJson.write(fitted));
        var profile = writer.writeJson(prefix + "profile.json",
                FeatureProfileJson.write(FeatureProfile.of(train)));
        return new PreparedOutput(request, fitted, splits, transform, profile);
    }

    private SplitOutput split(String name, Table rows, FittedPipeline fitted, String prefix) {
        var matrix = fitted.apply(rows);
        return new SplitOutput(name, matrix.rowCount(), writer.writeSplit(prefix + name + ".npz", matrix));
    }
}
