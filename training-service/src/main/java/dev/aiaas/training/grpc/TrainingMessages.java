package dev.aiaas.training.grpc;

import com.google.protobuf.Timestamp;
import dev.aiaas.proto.common.v1.ConfusionMatrix;
import dev.aiaas.proto.training.v1.Device;
import dev.aiaas.proto.training.v1.Evaluation;
import dev.aiaas.proto.training.v1.JobEvent;
import dev.aiaas.proto.training.v1.ModelFamily;
import dev.aiaas.training.model.Hyperparameters;
import dev.aiaas.training.model.Job;
import dev.aiaas.training.model.JobProgress;
import dev.aiaas.training.model.JobSpec;
import dev.aiaas.training.model.JobState;
import java.time.Instant;

/** Maps between training's wire messages and its domain records. */
final class TrainingMessages {

    private TrainingMessages() {
    }

    static JobSpec toDomain(dev.aiaas.proto.training.v1.JobSpec spec) {
        var h = spec.getHyperparameters();
        return new JobSpec(spec.getDataset(), spec.getDatasetVersion(), spec.getPipeline(),
                spec.getFamily() == ModelFamily.UNRECOGNIZED ? "UNRECOGNIZED" : spec.getFamily().name(),
                new Hyperparameters(h.getEpochs(), h.getBatchSize(), h.getLearningRate(), h.getHiddenUnitsList(), h.getSeed(),
                        h.getAnomalyQuantile(), h.getNegatives(), h.getWeightDecay()),
                spec.getDevice() == Device.UNRECOGNIZED ? "UNRECOGNIZED" : spec.getDevice().name(),
                spec.getModelName(), spec.getAlias());
    }

    static dev.aiaas.proto.training.v1.JobSpec toProto(JobSpec spec) {
        Hyperparameters h = spec.hyperparameters();
        return dev.aiaas.proto.training.v1.JobSpec.newBuilder()
                .setDataset(spec.dataset())
                .setDatasetVersion(spec.datasetVersion())
                .setPipeline(spec.pipeline())
                .setFamily(ModelFamily.valueOf(spec.family()))
                .setHyperparameters(dev.aiaas.proto.training.v1.Hyperparameters.newBuilder()
                        .setEpochs(h.epochs()).setBatchSize(h.batchSize()).setLearningRate(h.learningRate())
                        .addAllHiddenUnits(h.hiddenUnits()).setSeed(h.seed()).setAnomalyQuantile(h.anomalyQuantile())
                        .setNegatives(h.negatives()).setWeightDecay(h.weightDecay()))
                .setDevice(Device.valueOf(spec.device()))
                .setModelName(spec.modelName())
                .setAlias(spec.alias())
                .build();
    }

    static dev.aiaas.proto.training.v1.Job toProto(Job job) {
        var proto = dev.aiaas.proto.training.v1.Job.newBuilder()
                .setId(job.id())
                .setSpec(toProto(job.spec()))
                .setState(toProto(job.state()))
                .setEpoch(job.epoch())
                .setError(job.error())
                .setEvaluation(evaluation(job))
                .setModelVersion(job.modelVersion())
                .setDevice(job.device());
        setIfPresent(job.createdAt(), proto::setCreatedAt);
        setIfPresent(job.startedAt(), proto::setStartedAt);
        setIfPresent(job.finishedAt(), proto::setFinishedAt);
        return proto.build();
    }

    private static Evaluation evaluation(Job job) {
        Evaluation.Builder evaluation = Evaluation.newBuilder().putAllMetrics(job.metrics());
        if (!job.confusionMatrix().labels().isEmpty()) {
            evaluation.setConfusionMatrix(ConfusionMatrix.newBuilder()
                    .addAllLabels(job.confusionMatrix().labels())
                    .addAllCounts(job.confusionMatrix().counts()));
        }
        return evaluation.build();
    }

    static JobEvent toProto(JobProgress progress) {
        JobEvent.Builder event = JobEvent.newBuilder()
                .setJobId(progress.jobId())
                .setState(toProto(progress.state()))
                .setEpoch(progress.epoch())
                .putAllMetrics(progress.metrics())
                .setMessage(progress.message())
                .setTime(timestamp(progress.at()));
        if (progress.trainLoss() != null) {
            event.setTrainLoss(progress.trainLoss());
        }
        return event.build();
    }

    static dev.aiaas.proto.training.v1.JobState toProto(JobState state) {
        return dev.aiaas.proto.training.v1.JobState.valueOf(state.name());
    }

    static JobState toDomain(dev.aiaas.proto.training.v1.JobState state) {
        return switch (state) {
            case JOB_STATE_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> JobState.valueOf(state.name());
        };
    }

    private static void setIfPresent(Instant instant, java.util.function.Consumer<Timestamp> setter) {
        if (instant != null) {
            setter.accept(timestamp(instant));
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
