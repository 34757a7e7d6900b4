package dev.aiaas.serving.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.recommend.LoadedRecommender;
import dev.aiaas.models.recommend.ScoredItem;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.InferenceOutcome;
import dev.aiaas.serving.model.ServedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * How a recommender answers a request: each user id becomes the row training gave it (a user it
 * was not trained on is NOT_FOUND, never answered with a default), each row gets its best items,
 * and the answer's k is the smallest any row of the request can give, so every row is equally
 * long: a request asks for at most k items, and a user who has had all but three of the items
 * gets three when the items of training are left out.
 */
final class Recommendations {

    /** The most characters of a client's id quoted back in an error. */
    private static final int QUOTED = 64;

    private Recommendations() {
    }

    /** The request's users as rows of {@code model}'s index; on the request's thread, before it is queued. */
    static ModelWork.Users admit(ServedModel model, InferenceInput.Users request) {
        LoadedRecommender recommender = model.recommender();
        int[] rows = new int[request.rows()];
        for (int row = 0; row < rows.length; row++) {
            String id = request.ids().get(row);
            try {
                rows[row] = recommender.index().userRow(id);
            } catch (IllegalArgumentException unknown) {
                throw DomainException.notFound("user '" + quoted(id) + "' (row " + row + ") is not one of the "
                        + recommender.index().userCount() + " users " + model + " was trained on: recommendations "
                        + "need a user seen in training");
            }
        }
        return new ModelWork.Users(model, rows, request.k(), request.excludeSeen());
    }

    /** Each user's best items, best first, cut to the length every row can give; on the model's worker. */
    static ModelWork.Answer rank(ModelWork.Users work) {
        LoadedRecommender recommender = work.model().recommender();
        List<List<ScoredItem>> ranked = new ArrayList<>(work.users().length);
        int k = work.k();
        for (int user : work.users()) {
            // k is 0 once a user has had every item and they are left out: nothing to rank
            List<ScoredItem> best = k == 0 ? List.of() : recommender.topK(user, k, work.excludeSeen());
            ranked.add(best);
            k = Math.min(k, best.size()); // later rows need no more than the shortest row so far
        }
        float[] scores = new float[ranked.size() * k];
        int[] items = new int[scores.length];
        for (int row = 0; row < ranked.size(); row++) {
            for (int rank = 0; rank < k; rank++) {
                ScoredItem item = ranked.get(row).get(rank);
                scores[row * k + rank] = item.score();
                items[row * k + rank] = item.item();
            }
        }
        return ModelWork.Answer.ranked(scores, k, items);
    }

    /** The answer with each item row as its id. */
    static InferenceOutcome outcome(ServedModel model, ModelWork.Answer answer, int rows) {
        LoadedRecommender recommender = model.recommender();
        List<String> ids = new ArrayList<>(answer.items().length);
        for (int item : answer.items()) {
            ids.add(recommender.index().itemId(item));
        }
        return new InferenceOutcome(model.version().modelName(), model.version().version(), LabelTask.RECOMMENDATION,
                rows, answer.width(), answer.values(), new int[0], List.of(), new boolean[0], ids, null, model.profile(),
                List.of());
    }

    private static String quoted(String id) {
        return id.length() <= QUOTED ? id : id.substring(0, QUOTED) + "…";
    }
}
