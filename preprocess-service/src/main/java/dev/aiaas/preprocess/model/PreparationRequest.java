package dev.aiaas.preprocess.model;

import dev.aiaas.ml.split.StratifiedSplit;
import dev.aiaas.ml.transform.Step;
import java.util.List;

/**
 * What to prepare: a sealed dataset version, the pipeline's name (part of the output's
 * key), its steps (empty = defaults chosen from the schema) and the split.
 */
public record PreparationRequest(String dataset, long datasetVersion, String pipeline, List<Step> steps,
        StratifiedSplit split) {

    /** 70 / 15 / 15, stratified, seed 42: what a pipeline gets when it names no split. */
    public static final StratifiedSplit DEFAULT_SPLIT = new StratifiedSplit(0.70, 0.15, 0.15, 42, true);
    public static final String DEFAULT_PIPELINE = "default";
}
