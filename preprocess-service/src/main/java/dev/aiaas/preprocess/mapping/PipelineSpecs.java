package dev.aiaas.preprocess.mapping;

import com.google.protobuf.CodedOutputStream;
import dev.aiaas.errors.DomainException;
import dev.aiaas.ml.split.ChronologicalSplit;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.transform.CyclicalTime;
import dev.aiaas.ml.transform.TimePeriod;
import dev.aiaas.ml.transform.Tokenize;
import dev.aiaas.ml.transform.DropMissingLabel;
import dev.aiaas.ml.transform.Impute;
import dev.aiaas.ml.transform.OneHot;
import dev.aiaas.ml.transform.ScalePixels;
import dev.aiaas.ml.transform.Standardize;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.preprocess.model.PreparationRequest;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import dev.aiaas.proto.preprocess.v1.Sequence;
import dev.aiaas.proto.preprocess.v1.Split;
import dev.aiaas.storage.ArtifactDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A pipeline spec as what to prepare: its steps and split for platform/ml, and the spec as
 * stored in the manifest with its digest. The Prepare RPC and the sealed-event listener both
 * come through here, so "no split" and the default split written out are one spec.
 */
public final class PipelineSpecs {

    public static final String DEFAULT_PIPELINE = "default";

    /** 70 / 15 / 15, stratified, seed 42: what a pipeline gets when it names no split. */
    static final Split DEFAULT_SPLIT = Split.newBuilder().setTrain(0.70).setValidation(0.15).setTest(0.15).setSeed(42)
            .setStratify(true).build();
    /** 80 / 10 / 10 of each user's items, seed 42: what interactions get when they name no split. */
    static final Split DEFAULT_INTERACTIONS_SPLIT = Split.newBuilder().setTrain(0.80).setValidation(0.10)
            .setTest(0.10).setSeed(42).build();
    /** 70 / 15 / 15 by time: what a sequence gets when it names no split. */
    static final Split DEFAULT_SEQUENCE_SPLIT = Split.newBuilder().setTrain(0.70).setValidation(0.15).setTest(0.15)
            .setChronological(true).build();

    private PipelineSpecs() {
    }

    /** The default pipeline for a dataset version of {@code project}: steps chosen from the schema, the default split. */
    public static PreparationRequest defaults(String project, String dataset, long version) {
        return toRequest(project, dataset, version, PipelineSpec.getDefaultInstance());
    }

    /**
     * INVALID_ARGUMENT for a step without a kind, a split that cannot be made, a sequence
     * without a chronological split or an anomaly task without normal labels.
     */
    public static PreparationRequest toRequest(String project, String dataset, long version, PipelineSpec spec) {
        PipelineSpec normalized = normalize(spec);
        checkTaskFits(normalized);
        return new PreparationRequest(project, dataset, version, normalized, sha256(normalized),
                normalized.getStepsList().stream().map(PipelineSpecs::toStep).toList(), toSplit(normalized.getSplit()),
                normalized.getSplit().getChronological() ? toChronological(normalized.getSplit()) : null);
    }

    static PipelineSpec normalize(PipelineSpec spec) {
        PipelineSpec.Builder normalized = spec.toBuilder();
        if (spec.getName().isEmpty()) {
            normalized.setName(DEFAULT_PIPELINE);
        }
        if (!spec.hasSplit()) {
            normalized.setSplit(spec.hasSequence() ? DEFAULT_SEQUENCE_SPLIT
                    : spec.hasInteractions() ? DEFAULT_INTERACTIONS_SPLIT : DEFAULT_SPLIT);
        }
        if (spec.hasInteractions() && spec.getTask() == Task.TASK_UNSPECIFIED) {
            normalized.setTask(Task.RECOMMENDATION);
        }
        if (spec.hasSequence()) {
            Sequence.Builder sequence = normalized.getSequenceBuilder();
            sequence.setHorizon(Math.max(1, sequence.getHorizon())).setStride(Math.max(1, sequence.getStride()));
        }
        return normalized.build();
    }

    private static void checkTaskFits(PipelineSpec spec) {
        Split split = spec.getSplit();
        if (spec.hasSequence()) {
            if (!split.getChronological()) {
                throw DomainException.invalid("a sequence needs a chronological split (set split.chronological, or"
                        + " leave the split out): windows split at random would test on days the model trained on");
            }
            if (spec.getTask() != Task.TASK_UNSPECIFIED && spec.getTask() != Task.REGRESSION) {
                throw DomainException.invalid("a sequence forecasts numbers: its task is REGRESSION, not "
                        + spec.getTask());
            }
            if (spec.getSequence().getTimeColumn().isEmpty()) {
                throw DomainException.invalid("a sequence needs sequence.time_column to order its rows");
            }
        } else if (split.getChronological()) {
            throw DomainException.invalid("a chronological split needs a sequence (sequence.time_column names the"
                    + " time to split by)");
        }
        checkInteractions(spec);
        if (split.getChronological() && split.getStratify()) {
            throw DomainException.invalid("a split is either chronological or stratified, not both");
        }
        if (spec.getTask() == Task.ANOMALY && spec.getAnomaly().getNormalLabelsCount() == 0) {
            throw DomainException.invalid("anomaly detection needs anomaly.normal_labels: the label values of normal"
                    + " rows, which alone are trained on");
        }
        if (spec.getTask() != Task.ANOMALY && spec.hasAnomaly()) {
            throw DomainException.invalid("anomaly.normal_labels is set but the task is " + spec.getTask()
                    + "; set the task to ANOMALY");
        }
    }

    private static void checkInteractions(PipelineSpec spec) {
        if (spec.getTask() == Task.RECOMMENDATION && !spec.hasInteractions()) {
            throw DomainException.invalid("recommendation learns from interactions: set interactions.user_column and"
                    + " interactions.item_column");
        }
        if (!spec.hasInteractions()) {
            return;
        }
        if (spec.getTask() != Task.RECOMMENDATION) {
            throw DomainException.invalid("interactions are prepared for recommendation, not " + spec.getTask()
                    + "; leave the task unspecified or set RECOMMENDATION");
        }
        var interactions = spec.getInteractions();
        if (interactions.getUserColumn().isEmpty() || interactions.getItemColumn().isEmpty()) {
            throw DomainException.invalid("interactions need a user_column and an item_column");
        }
        if (interactions.getUserColumn().equals(interactions.getItemColumn())) {
            throw DomainException.invalid("interactions need two columns, but user_column and item_column are both '"
                    + interactions.getUserColumn() + "'");
        }
        if (spec.getStepsCount() > 0 || spec.hasSequence() || spec.hasAnomaly()) {
            throw DomainException.invalid("interactions take no steps, sequence or anomaly: ids are used as they are");
        }
        Split split = spec.getSplit();
        if (split.getStratify() || split.getChronological()) {
            throw DomainException.invalid("interactions are split per user (a share of each user's items held out),"
                    + " not stratified or by time: leave split.stratify and split.chronological unset");
        }
        if (!(split.getTest() > 0)) {
            throw DomainException.invalid("interactions need split.test above 0: the share of each user's items "
                    + "held out to measure recall@k");
        }
    }

    /** SHA-256 of the spec without its name, in protobuf's deterministic binary form. */
    static String sha256(PipelineSpec spec) {
        PipelineSpec unnamed = spec.toBuilder().clearName().build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            unnamed.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a pipeline spec in memory", e);
        }
        return ArtifactDigest.sha256Hex(bytes.toByteArray());
    }

    private static Step toStep(dev.aiaas.proto.preprocess.v1.Step step) {
        return switch (step.getKindCase()) {
            case DROP_MISSING_LABEL -> new DropMissingLabel();
            case IMPUTE -> new Impute(step.getImpute().getStrategy() == dev.aiaas.proto.preprocess.v1.Impute.Strategy.MEDIAN
                    ? Impute.Strategy.MEDIAN : Impute.Strategy.MEAN, step.getImpute().getColumnsList());
            case STANDARDIZE -> new Standardize(step.getStandardize().getColumnsList());
            case ONE_HOT -> new OneHot(step.getOneHot().getColumnsList());
            case SCALE_PIXELS -> new ScalePixels(step.getScalePixels().getColumnsList());
            case CYCLICAL_TIME -> toCyclicalTime(step.getCyclicalTime());
            case TOKENIZE -> toTokenize(step.getTokenize());
            case KIND_NOT_SET -> throw DomainException.invalid("a pipeline step names no kind");
        };
    }

    private static Step toCyclicalTime(dev.aiaas.proto.preprocess.v1.CyclicalTime step) {
        List<TimePeriod> periods = step.getPeriodsList().stream().map(period -> switch (period) {
            case YEAR -> TimePeriod.YEAR;
            case WEEK -> TimePeriod.WEEK;
            case DAY -> TimePeriod.DAY;
            case PERIOD_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(
                    "cyclical_time on '" + step.getColumn() + "' names no period: use YEAR, WEEK or DAY");
        }).toList();
        try {
            return new CyclicalTime(step.getColumn(), periods.isEmpty() ? List.of(TimePeriod.YEAR) : periods);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private static Step toTokenize(dev.aiaas.proto.preprocess.v1.Tokenize step) {
        try {
            return new Tokenize(step.getColumnsList(), orDefault(step.getMaxTokens(), Tokenize.DEFAULT_MAX_TOKENS),
                    orDefault(step.getMaxVocabulary(), Tokenize.DEFAULT_MAX_VOCABULARY),
                    orDefault(step.getMinCount(), Tokenize.DEFAULT_MIN_COUNT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private static int orDefault(int value, int fallback) {
        return value == 0 ? fallback : value;
    }

    private static StratifiedSplit toSplit(Split split) {
        try {
            return new StratifiedSplit(split.getTrain(), split.getValidation(), split.getTest(), split.getSeed(),
                    split.getStratify());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private static ChronologicalSplit toChronological(Split split) {
        try {
            return new ChronologicalSplit(split.getTrain(), split.getValidation());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }
}
