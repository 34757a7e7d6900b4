package dev.aiaas.models.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.aiaas.ml.interactions.IdIndex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two tables, a vector per user and a vector per item; user rows {@code [batch]} and item rows
 * {@code [batch, n]} in (int64), the dot product of each user's vector with each of its items'
 * out, {@code [batch, n]}.
 *
 * <p>Its own Block, as {@code EmbeddingBag} is, rather than two DJL {@code Embedding}s, which
 * embed objects through a vocabulary saved with the parameters: here the {@link IdIndex} numbers
 * the rows and is saved beside them. The vectors start at N(0, 0.1²), small enough that every
 * score starts near 0.
 */
final class MatrixFactorisation extends AbstractBlock implements FactorBlock {

    static final String USER_FACTORS = "user_factors";
    static final String ITEM_FACTORS = "item_factors";
    static final float INITIAL_STD = 0.1f;
    private static final byte VERSION = 1;

    private final RecommenderSpec spec;
    private final Parameter userFactors;
    private final Parameter itemFactors;

    MatrixFactorisation(RecommenderSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.userFactors = addParameter(table(USER_FACTORS, spec.users(), spec.dimension()));
        this.itemFactors = addParameter(table(ITEM_FACTORS, spec.items(), spec.dimension()));
    }

    /** A table of {@code rows} vectors of {@code dimension}, starting at N(0, 0.1²). */
    static Parameter table(String name, int rows, int dimension) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, dimension)).optInitializer(new NormalInitializer(INITIAL_STD)).build();
    }

    /** The rows of {@code rows} in {@code table}: {@code [batch, d]} for {@code [batch]}, and so on. */
    static NDArray rowsOf(NDArray rows, NDArray table) {
        return Embedding.embedding(rows, table, SparseFormat.DENSE).singletonOrThrow();
    }

    @Override
    public int userInput(int user) {
        return user;
    }

    @Override
    public int itemInput(int item) {
        return item;
    }

    @Override
    public int selfItem(int user) {
        return -1;
    }

    @Override
    public Map<String, Shape> tableShapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(USER_FACTORS, new Shape(spec.users(), spec.dimension()));
        shapes.put(ITEM_FACTORS, new Shape(spec.items(), spec.dimension()));
        return shapes;
    }

    @Override
    public Factors factors() {
        return new Factors(spec.dimension(), userFactors.getArray().toFloatArray(),
                itemFactors.getArray().toFloatArray());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray users = inputs.get(0).toType(DataType.INT64, false);
        NDArray items = inputs.get(1).toType(DataType.INT64, false);
        NDArray userTable = parameterStore.getValue(userFactors, users.getDevice(), training);
        NDArray itemTable = parameterStore.getValue(itemFactors, items.getDevice(), training);
        NDArray userVectors = rowsOf(users, userTable);
        NDArray itemVectors = rowsOf(items, itemTable);
        return new NDList(itemVectors.mul(userVectors.expandDims(1)).sum(new int[] {2}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
