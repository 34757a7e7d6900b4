package dev.aiaas.serving.service;

import dev.aiaas.serving.model.ServedModel;

/**
 * One request's work in its endpoint's queue, with the version it was admitted for (held until
 * answered): a network's model-ready rows, or the users a recommender ranks items for. Both go
 * through the same queue, so a recommender's requests are bounded, dropped past their deadline
 * and counted in the endpoint's statistics like any other, and computed on the model's workers,
 * never on a transport thread.
 */
sealed interface ModelWork permits ModelWork.Rows, ModelWork.Users {

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

    /**
     * What one request's work computed: {@code width} values per row, row-major (a network's
     * outputs, or a recommender's scores best first), and for a recommender the item row each
     * score belongs to (empty for a network).
     */
    record Answer(float[] values, int width, int[] items) {

        /** A network's outputs, {@code width} per row. */
        static Answer of(float[] values, int width) {
            return new Answer(values, width, new int[0]);
        }
    }
}
