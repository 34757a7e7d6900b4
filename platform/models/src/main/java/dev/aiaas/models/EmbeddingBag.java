package dev.aiaas.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Token ids {@code [batch, maxTokens]} in, the mean of the embeddings of each row's
 * non-padding tokens out, {@code [batch, size]}. A row of padding only gives zeros.
 *
 * <p>The ids arrive as float32, as every prepared feature does; they are cast to int64 and
 * clamped into the table (below 0 to padding, above the last id to the last id), so a
 * malformed request gets an answer rather than crashing the engine. Training refuses
 * out-of-range ids before it starts ({@link Vocabulary#checkIds}).
 *
 * <p>Its own Block rather than DJL's {@code TrainableWordEmbedding}, which embeds strings and
 * saves its vocabulary with the parameters: here the ids are numbered by the preprocess step
 * and the one parameter, {@code [vocabulary, size]}, is saved like any other.
 */
final class EmbeddingBag extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int size;
    private final Parameter embedding;
    private final int lastId;

    EmbeddingBag(Vocabulary vocabulary, int size) {
        super(VERSION);
        this.size = size;
        this.lastId = vocabulary.size() - 1;
        this.embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary.size(), size)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow().toType(DataType.INT64, false).clip(Vocabulary.PADDING, lastId);
        NDArray table = parameterStore.getValue(embedding, ids.getDevice(), training);
        NDArray vectors = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        NDArray words = ids.neq(Vocabulary.PADDING).toType(vectors.getDataType(), false);
        NDArray sum = vectors.mul(words.expandDims(-1)).sum(new int[] {1});
        NDArray count = words.sum(new int[] {1}, true).maximum(1);
        return new NDList(sum.div(count));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), size)};
    }
}
