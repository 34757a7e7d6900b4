package dev.aiaas.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Turns a whole batch of rows into one NDArray, not a stack of one array per row: DJL's
 * per-row Batchifier was up to 12× slower for the small models served here. The arrays are
 * created on the predictor's per-call manager, which DJL closes when the call returns.
 */
final class BatchTranslator implements NoBatchifyTranslator<BatchTranslator.Rows, float[]> {

    /** {@code rows} inputs of {@code spec.inputShape()}, C order. */
    record Rows(float[] values, int rows) {
    }

    private final ModelSpec spec;
    private final boolean softmax;

    /** A translator whose outputs are raw scores, or class probabilities when {@code softmax}. */
    BatchTranslator(ModelSpec spec, boolean softmax) {
        this.spec = spec;
        this.softmax = softmax;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Rows input) {
        return new NDList(ctx.getNDManager().create(input.values(), new Shape(spec.batchShape(input.rows()))));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList output) {
        NDArray scores = output.singletonOrThrow();
        return (softmax ? scores.softmax(-1) : scores).toFloatArray();
    }
}
