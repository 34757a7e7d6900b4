package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.serving.config.ServingConfig;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Runs a request on an endpoint's serving version. Raw records go through the version's
 * fitted transform first, the very one training used, so serving and training see the
 * same features.
 */
@ApplicationScoped
public class Inference {

    @Inject
    Deployments deployments;

    @Inject
    ServingConfig config;

    public InferenceOutcome infer(String endpoint, String version, InferenceInput input) {
        if (input.rows() < 1) {
            throw DomainException.invalid("the request has no rows: send at least one");
        }
        if (input.rows() > config.maxRowsPerRequest()) {
            throw DomainException.exhausted("the request has " + input.rows() + " rows; at most "
                    + config.maxRowsPerRequest() + " fit in one request: split it");
        }
        ServedModel model = deployments.acquire(endpoint, version);
        try {
            float[] features = features(model, input);
            int classes = model.model().spec().outputs();
            float[] probabilities = model.model().predictProbabilities(features, input.rows());
            return new InferenceOutcome(model.version().modelName(), model.version().version(), input.rows(), classes,
                    probabilities, argmax(probabilities, input.rows(), classes), model.rawFeatureNames(),
                    input instanceof InferenceInput.Raw raw ? numeric(raw.records(), model.rawFeatureNames()) : null,
                    model.profile());
        } finally {
            model.release();
        }
    }

    /** The input's rows as model-ready features. */
    private static float[] features(ServedModel model, InferenceInput input) {
        int width = model.model().spec().inputSize();
        if (input instanceof InferenceInput.Prepared prepared) {
            if (prepared.width() != width) {
                throw DomainException.invalid("input has " + prepared.width() + " values per row; "
                        + model.version().modelName() + " takes " + width + " (shape "
                        + model.model().spec().inputShape() + ") or raw columns " + model.rawFeatureNames());
            }
            return prepared.values();
        }
        List<Map<String, Object>> records = ((InferenceInput.Raw) input).records();
        float[] features = new float[records.size() * width];
        for (int row = 0; row < records.size(); row++) {
            try {
                System.arraycopy(model.transform().applyRow(records.get(row)), 0, features, row * width, width);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("row " + row + ": " + e.getMessage());
            }
        }
        return features;
    }

    private static int[] argmax(float[] probabilities, int rows, int classes) {
        int[] best = new int[rows];
        for (int row = 0; row < rows; row++) {
            int offset = row * classes;
            for (int c = 1; c < classes; c++) {
                if (probabilities[offset + c] > probabilities[offset + best[row]]) {
                    best[row] = c;
                }
            }
        }
        return best;
    }

    private static double[] numeric(List<Map<String, Object>> records, List<String> names) {
        double[] values = new double[records.size() * names.size()];
        for (int row = 0; row < records.size(); row++) {
            for (int f = 0; f < names.size(); f++) {
                Object value = records.get(row).get(names.get(f));
                values[row * names.size() + f] = value instanceof Number n ? n.doubleValue() : Double.NaN;
            }
        }
        return values;
    }
}
