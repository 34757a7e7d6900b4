package dev.aiaas.training.service;

import dev.aiaas.ml.transform.LabelTask;
import dev.aiaas.models.Evaluation;
import dev.aiaas.models.ModelSpec;
import dev.aiaas.models.recommend.RecommenderSpec;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.ModelRegistration;
import dev.aiaas.training.model.ModelRegistration.Lineage;
import dev.aiaas.training.model.ModelRegistration.Tensor;
import dev.aiaas.training.model.StoredFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The registry entry of a trained model: lineage, test metrics, tensor signature and artifacts. */
final class ModelRegistrations {

    private ModelRegistrations() {
    }

    static ModelRegistration of(Job job, ModelSpec spec, Evaluation evaluation, List<StoredFile> artifacts,
            String codeVersion) {
        var s = job.spec();
        return new ModelRegistration(s.modelName(), spec.family().name(),
                spec.family() + " trained by " + job.id() + " on " + s.dataset() + " v" + s.datasetVersion() + " ("
                        + s.pipeline() + ")",
                evaluation.metrics(),
                new Lineage(s.dataset(), s.datasetVersion(), s.pipeline(), job.id(), codeVersion),
                List.of(new Tensor("input", "FP32", batchOf(spec.inputShape().stream().map(Long::valueOf).toList()))),
                outputs(spec), artifacts, spec.task());
    }

    /**
     * A recommender's entry: it takes user ids ({@code user_id} BYTES [-1]) and answers the ids of
     * its top items ({@code items} BYTES [-1, k]) with their scores ({@code scores} FP32 [-1, k]).
     */
    static ModelRegistration ofRecommender(Job job, RecommenderSpec spec, Map<String, Double> metrics,
            List<StoredFile> artifacts, String codeVersion) {
        var s = job.spec();
        return new ModelRegistration(s.modelName(), JobSpec.RECOMMENDER_FAMILY,
                JobSpec.RECOMMENDER_FAMILY + " (" + spec.users() + " users, " + spec.items() + " items, vectors of "
                        + spec.dimension() + (spec.sharedIds() ? ", shared ids" : "") + ") trained by " + job.id()
                        + " on " + s.dataset() + " v" + s.datasetVersion() + " (" + s.pipeline() + ")",
                metrics,
                new Lineage(s.dataset(), s.datasetVersion(), s.pipeline(), job.id(), codeVersion),
                List.of(new Tensor("user_id", "BYTES", List.of(-1L))),
                List.of(new Tensor("items", "BYTES", List.of(-1L, -1L)), new Tensor("scores", "FP32", List.of(-1L, -1L))),
                artifacts, LabelTask.RECOMMENDATION);
    }

    /**
     * Classifiers answer {@code probabilities} [-1, classes] and {@code predicted_class} [-1];
     * regression answers {@code predictions} [-1, outputs]; anomaly detectors answer
     * {@code anomaly_score} [-1] and {@code is_anomaly} [-1].
     */
    private static List<Tensor> outputs(ModelSpec spec) {
        return switch (spec.task()) {
            case CLASSIFICATION -> List.of(new Tensor("probabilities", "FP32", List.of(-1L, (long) spec.outputs())),
                    new Tensor("predicted_class", "INT64", List.of(-1L)));
            case REGRESSION -> List.of(new Tensor("predictions", "FP32", List.of(-1L, (long) spec.outputs())));
            case ANOMALY -> List.of(new Tensor("anomaly_score", "FP32", List.of(-1L)),
                    new Tensor("is_anomaly", "BOOL", List.of(-1L)));
            case RECOMMENDATION -> throw new IllegalArgumentException("a ModelSpec never recommends");
        };
    }

    private static List<Long> batchOf(List<Long> shape) {
        List<Long> batch = new ArrayList<>(shape.size() + 1);
        batch.add(-1L);
        batch.addAll(shape);
        return batch;
    }
}
