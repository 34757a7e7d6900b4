package dev.aiaas.preprocess.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.transform.DropMissingLabel;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.ScalePixels;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.PrepareRequest;
import dev.aiaas.proto.preprocess.v1.Split;

/** Maps a Prepare request's pipeline spec to the steps and split of platform/ml. */
final class PipelineMessages {

    private PipelineMessages() {
    }

    static PreparationRequest toDomain(PrepareRequest request) {
        PipelineSpec spec = request.getPipeline();
        String name = spec.getName().isEmpty() ? PreparationRequest.DEFAULT_PIPELINE : spec.getName();
        return new PreparationRequest(request.getDataset(), request.getDatasetVersion(), name,
                spec.getStepsList().stream().map(PipelineMessages::toStep).toList(),
                spec.hasSplit() ? toSplit(spec.getSplit()) : PreparationRequest.DEFAULT_SPLIT);
    }

    private static Step toStep(dev.aiaas.proto.preprocess.v1.Step step) {
        return switch (step.getKindCase()) {
            case DROP_MISSING_LABEL -> new DropMissingLabel();
            case IMPUTE -> new Impute(step.getImpute().getStrategy() == dev.aiaas.proto.preprocess.v1.Impute.Strategy.MEDIAN
                    ? Impute.Strategy.MEDIAN : Impute.Strategy.MEAN, step.getImpute().getColumnsList());
            case STANDARDIZE -> new Standardize(step.getStandardize().getColumnsList());
            case ONE_HOT -> new OneHot(step.getOneHot().getColumnsList());
            case SCALE_PIXELS -> new ScalePixels(step.getScalePixels().getColumnsList());
            case KIND_NOT_SET -> throw DomainException.invalid("a pipeline step names no kind");
        };
    }

    private static StratifiedSplit toSplit(Split split) {
        try {
            return new StratifiedSplit(split.getTrain(), split.getValidation(), split.getTest(), split.getSeed(),
                    split.getStratify());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }
}
