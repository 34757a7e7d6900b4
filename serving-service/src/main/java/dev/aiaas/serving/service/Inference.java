package dev.aiaas.serving.service;

import dev.aiaas.batching.Arrival;
import dev.aiaas.batching.DeadlineExpiredException;
import dev.aiaas.batching.QueueClosedException;
import dev.aiaas.batching.QueueFullException;
import dev.aiaas.errors.DomainException;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.ServedModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs admitted rows on an endpoint's serving version through its queue. Raw records go
 * through the version's fitted transform first, the very one training used, so serving and
 * training see the same features. A classifier's answer gets each row's most probable class;
 * a regression model's is its predicted values as they are. The queue's capacity and deadline
 * failures become the errors a client acts on.
 */
@ApplicationScoped
public class Inference {

    /**
     * @param arrival the request's announcement to the queue, closed here just before it is
     *                queued, so that a worker taking it no longer waits for it
     */
    public CompletableFuture<InferenceOutcome> submit(EndpointUse use, InferenceInput input, long deadlineNanos,
            Arrival arrival) {
        ServedModel model = use.model();
        float[] features = features(model, input);
        CompletableFuture<float[]> outputs;
        arrival.close();
        try {
            outputs = use.queue().submit(new ForwardPass.Rows(model, features, input.rows()), input.rows(),
                    deadlineNanos);
        } catch (RuntimeException e) {
            throw translate(use.endpoint(), e);
        }
        return outputs.handle((values, failure) -> {
            if (failure != null) {
                throw translate(use.endpoint(), failure);
            }
            ModelSignature signature = model.signature();
            int width = signature.outputs();
            int[] predicted = signature.classifier() ? argmax(values, input.rows(), width) : new int[0];
            return new InferenceOutcome(model.version().modelName(), model.version().version(), signature.task(),
                    input.rows(), width, values, predicted, signature.rawColumns().stream().map(c -> c.name()).toList(),
                    input instanceof InferenceInput.Raw raw ? numeric(raw.records(), model) : null, model.profile());
        });
    }

    private static RuntimeException translate(String endpoint, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof QueueFullException full) {
            return new QueueFull(endpoint, full);
        }
        if (cause instanceof DeadlineExpiredException) {
            return DomainException.deadlineExceeded("the request's deadline passed while it waited for model '"
                    + endpoint + "'; it was not computed: allow more time or send less load");
        }
        if (cause instanceof QueueClosedException) {
            return DomainException.unavailable("model '" + endpoint + "' was unloaded while the request waited; "
                    + "retry", cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /** The input's rows as model-ready features. */
    private static float[] features(ServedModel model, InferenceInput input) {
        int width = model.model().spec().inputSize();
        if (input instanceof InferenceInput.Prepared prepared) {
            return prepared.values(); // its width was checked against the signature when decoded
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

    private static double[] numeric(List<Map<String, Object>> records, ServedModel model) {
        var columns = model.signature().rawColumns();
        double[] values = new double[records.size() * columns.size()];
        for (int row = 0; row < records.size(); row++) {
            for (int f = 0; f < columns.size(); f++) {
                Object value = records.get(row).get(columns.get(f).name());
                values[row * columns.size() + f] = value instanceof Number n ? n.doubleValue() : Double.NaN;
            }
        }
        return values;
    }
}
