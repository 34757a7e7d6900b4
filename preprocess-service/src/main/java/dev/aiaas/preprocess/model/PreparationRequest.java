package dev.aiaas.preprocess.model;

import dev.aiaas.ml.split.ChronologicalSplit;
import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.transform.Step;
import dev.aiaas.proto.preprocess.v1.PipelineSpec;
import java.util.List;

/**
 * What to prepare: a sealed dataset version of a project and a pipeline spec (name, steps, split;
 * defaults filled in), with the spec's digest and its steps and split as platform/ml runs them.
 * Empty steps mean defaults chosen from the schema.
 *
 * @param project       the project the dataset version and its prepared output belong to
 * @param specSha256    SHA-256 of the spec without its name: the prepared output's key
 * @param split         the random (optionally stratified) split, used unless the split is chronological
 * @param chronological the split by time of a sequence; null otherwise
 */
public record PreparationRequest(String project, String dataset, long datasetVersion, PipelineSpec spec, String specSha256,
        List<Step> steps, StratifiedSplit split, ChronologicalSplit chronological) {

    /** Whether the examples are windows of a sequence rather than single rows. */
    public boolean sequence() {
        return spec.hasSequence();
    }

    /** The pipeline's name: one name holds one spec for a dataset version. */
    public String pipeline() {
        return spec.getName();
    }
}
