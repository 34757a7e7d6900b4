package dev.aiaas.serving.service;

import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.OutputTensor;
import dev.aiaas.serving.model.ServedModel;
import java.util.List;

/**
 * One request's work in its endpoint's queue, with the version it was admitted for (held until
 * answered): a network's model-ready rows, the users a recommender ranks items for, or an
 * uploaded model's input tensor. All go through the same queue, so every request is bounded,
 * dropped past its deadline and counted in the endpoint's statistics like any other, and computed
 * on the model's workers, never on a transport thread.
 */
sealed interface ModelWork permits ModelWork.Rows, ModelWork.Users, ModelWork.Tensor {

    ServedModel model();

    /** A network's model-ready features, row-major, {@code rows} rows. */
    record Rows(ServedModel model, float[] features, int rows) implements ModelWork {
    }

    /**
     * A recommender's user rows, each to get its {@code k} best items.
     *
     * @param excludeSeen leave out the items each user had in training
     */
    record Users(ServedModel model, int[] users, int k, boolean excludeSeen) implements ModelWork {
    }

    /** An uploaded model's input tensor, as the request sent it. */
    record Tensor(ServedModel model, InferenceInput.Tensor input) implements ModelWork {
    }

    /**
     * What one request's work computed: {@code width} values per row, row-major (a network's
     * outputs, or a recommender's scores best first), and for a recommender the item row each
     * score belongs to (empty otherwise); for an uploaded model, every output it answered (the
     * first is also {@code values}), empty otherwise.
     */
    record Answer(float[] values, int width, int[] items, List<OutputTensor> tensors) {

        /** A network's outputs, {@code width} per row. */
        static Answer of(float[] values, int width) {
            return new Answer(values, width, new int[0], List.of());
        }

        /** A recommender's scores, {@code width} per row, and the item each belongs to. */
        static Answer ranked(float[] scores, int width, int[] items) {
            return new Answer(scores, width, items, List.of());
        }

        /** An uploaded model's outputs; the first is the answer's values. */
        static Answer of(List<OutputTensor> tensors) {
            OutputTensor first = tensors.get(0);
            return new Answer(first.values(), first.rowWidth(), new int[0], List.copyOf(tensors));
        }
    }
}
