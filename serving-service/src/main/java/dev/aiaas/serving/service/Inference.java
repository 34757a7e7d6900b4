package dev.aiaas.serving.service;

import dev.aiaas.batching.Arrival;
import dev.aiaas.batching.DeadlineExpiredException;
import dev.aiaas.batching.QueueClosedException;
import dev.aiaas.batching.QueueFullException;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.ModelSignature;
import dev.aiaas.serving.model.RawSample;
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
 * a regression model's is its predicted values as they are; an anomaly detector's gets, with
 * each row's score, whether it is above the model's threshold. A recommender's users go through
 * the same queue ({@link Recommendations}), and so does an uploaded model's input tensor, whose
 * outputs are answered as computed. The queue's capacity and deadline failures become the
 * errors a client acts on.
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
        ModelWork work;
        if (input instanceof InferenceInput.Users users) {
            work = Recommendations.admit(model, users);
        } else if (input instanceof InferenceInput.Tensor tensor) {
            work = new ModelWork.Tensor(model, tensor);
        } else {
            work = new ModelWork.Rows(model, features(model, input), input.rows());
        }
        CompletableFuture<ModelWork.Answer> computed;
        arrival.close();
        try {
            computed = use.queue().submit(work, input.rows(), deadlineNanos);
        } catch (RuntimeException e) {
            throw translate(use.endpoint(), e);
        }
        return computed.handle((answer, failure) -> {
            if (failure != null) {
                throw translate(use.endpoint(), failure);
            }
            if (work instanceof ModelWork.Users) {
                return Recommendations.outcome(model, answer, input.rows());
            }
            return work instanceof ModelWork.Tensor ? uploadedOutcome(model, answer, input.rows())
                    : outcome(model, input, answer.values());
        });
    }

    /** A network's answer: a classifier's gets each row's most probable class, an anomaly detector's its verdicts. */
    private static InferenceOutcome outcome(ServedModel model, InferenceInput input, float[] values) {
        ModelSignature signature = model.signature();
        int width = signature.outputs();
        int[] predicted = signature.classifier() ? argmax(values, input.rows(), width) : new int[0];
        boolean[] anomalies = signature.task() == LabelTask.ANOMALY ? anomalies(model, values) : new boolean[0];
        return new InferenceOutcome(model.version().modelName(), model.version().version(), signature.task(),
                input.rows(), width, values, predicted, signature.classLabels(), anomalies, List.of(),
                rawSample(input, model),
                model.profile(), List.of());
    }

    /** An uploaded model's answer: its outputs as computed, the first one logged as the values (no classes known). */
    private static InferenceOutcome uploadedOutcome(ServedModel model, ModelWork.Answer answer, int rows) {
        return new InferenceOutcome(model.version().modelName(), model.version().version(), model.signature().task(),
                rows, answer.width(), answer.values(), new int[0], List.of(), new boolean[0], List.of(), null, null,
                answer.tensors());
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
        if (input instanceof InferenceInput.Prepared prepared) {
            return prepared.values(); // its width was checked against the signature when decoded
        }
        int width = model.model().spec().inputSize();
        if (input instanceof InferenceInput.RawWindows windows) {
            return windowFeatures(model, windows.windows(), width);
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

    /** Each window of raw rows as one example's features, [window, features] step-major. */
    private static float[] windowFeatures(ServedModel model, List<List<Map<String, Object>>> windows, int width) {
        float[] features = new float[windows.size() * width];
        for (int example = 0; example < windows.size(); example++) {
            try {
                // the loader checked that a window's features fill the model's input exactly
                System.arraycopy(model.transform().applyWindow(windows.get(example)), 0, features, example * width,
                        width);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("example " + example + ": " + e.getMessage());
            }
        }
        return features;
    }

    /** Whether each row's anomaly score is above the model's threshold. */
    private static boolean[] anomalies(ServedModel model, float[] scores) {
        boolean[] anomalies = new boolean[scores.length];
        for (int row = 0; row < scores.length; row++) {
            anomalies[row] = model.model().isAnomaly(scores[row]);
        }
        return anomalies;
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

    /**
     * The request's raw features per row, for the prediction log's drift sample; null for prepared
     * tensors. Of a sequence model's window only the last (newest) row is sampled: that keeps one
     * row per example, as for single-row models, and a window's older rows were most likely the
     * newest rows of earlier requests.
     */
    private static RawSample rawSample(InferenceInput input, ServedModel model) {
        if (input instanceof InferenceInput.Raw raw) {
            return RawSample.of(raw.records(), model.signature().rawColumns());
        }
        if (input instanceof InferenceInput.RawWindows windows) {
            return RawSample.of(windows.windows().stream().map(w -> w.get(w.size() - 1)).toList(),
                    model.signature().rawColumns());
        }
        return null;
    }
}
