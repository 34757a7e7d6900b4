package dev.aiaas.models.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared-ids layout of {@link RecommenderSpec}: two tables over the entities of
 * {@link SharedIds}, {@code e} and {@code c}; for the entity rows of users {@code [batch]} and of
 * items {@code [batch, n]}, the scores {@code e[u]·c[i] + c[u]·e[i]}, {@code [batch, n]}.
 *
 * <p>Symmetric, so training on B→A trains A→B, yet not positive semi-definite as {@code e[u]·e[i]}
 * would be: an entity's score for itself is not forced above its scores for others, and two
 * entities may repel. The user's item row with its own id is never sampled as a negative (an
 * airport has no route to itself) and never recommended, so the diagonal is left untrained.
 *
 * <p>Chosen in a NumPy prototype of this training on the flights, holdout seeds 1–3, default plan,
 * mean recall@10 (most-popular 0.564; separate tables 0.600): one table, {@code e[u]·e[i]}, 0.713
 * (0.735 when never scoring an id for itself); that plus a directed {@code p[u]·q[i]}, 0.768
 * (0.771); this layout 0.784 (0.796, NDCG@10 0.753); this plus a directed part, 0.796. Weight
 * decay 1e-4 gave 0.798, 5e-4 0.780, 60 epochs 0.792, so the plan's defaults stand.
 */
final class SharedIdFactorisation extends AbstractBlock implements FactorBlock {

    static final String ENTITY_FACTORS = "entity_factors";
    static final String CONTEXT_FACTORS = "entity_context_factors";
    private static final byte VERSION = 1;

    private final RecommenderSpec spec;
    private final SharedIds ids;
    private final Parameter entityFactors;
    private final Parameter contextFactors;

    SharedIdFactorisation(RecommenderSpec spec, SharedIds ids) {
        super(VERSION);
        this.spec = spec;
        this.ids = ids;
        this.entityFactors = addParameter(MatrixFactorisation.table(ENTITY_FACTORS, spec.entities(),
                spec.dimension()));
        this.contextFactors = addParameter(MatrixFactorisation.table(CONTEXT_FACTORS, spec.entities(),
                spec.dimension()));
    }

    @Override
    public int userInput(int user) {
        return ids.userEntity(user);
    }

    @Override
    public int itemInput(int item) {
        return ids.itemEntity(item);
    }

    @Override
    public int selfItem(int user) {
        return ids.selfItem(user);
    }

    @Override
    public Map<String, Shape> tableShapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(ENTITY_FACTORS, new Shape(spec.entities(), spec.dimension()));
        shapes.put(CONTEXT_FACTORS, new Shape(spec.entities(), spec.dimension()));
        return shapes;
    }

    /** A user's vector is its entity's {@code [e, c]}, an item's {@code [c, e]}: one dot product gives the score. */
    @Override
    public Factors factors() {
        float[] e = entityFactors.getArray().toFloatArray();
        float[] c = contextFactors.getArray().toFloatArray();
        int d = spec.dimension();
        float[] users = new float[spec.users() * 2 * d];
        for (int user = 0; user < spec.users(); user++) {
            int from = ids.userEntity(user) * d;
            System.arraycopy(e, from, users, user * 2 * d, d);
            System.arraycopy(c, from, users, user * 2 * d + d, d);
        }
        float[] items = new float[spec.items() * 2 * d];
        for (int item = 0; item < spec.items(); item++) {
            int from = ids.itemEntity(item) * d;
            System.arraycopy(c, from, items, item * 2 * d, d);
            System.arraycopy(e, from, items, item * 2 * d + d, d);
        }
        int[] selfItems = new int[spec.users()];
        for (int user = 0; user < selfItems.length; user++) {
            selfItems[user] = ids.selfItem(user);
        }
        return new Factors(2 * d, users, items, selfItems);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray users = inputs.get(0).toType(DataType.INT64, false);
        NDArray items = inputs.get(1).toType(DataType.INT64, false);
        NDArray e = parameterStore.getValue(entityFactors, users.getDevice(), training);
        NDArray c = parameterStore.getValue(contextFactors, users.getDevice(), training);
        NDArray there = MatrixFactorisation.rowsOf(items, c).mul(MatrixFactorisation.rowsOf(users, e).expandDims(1));
        NDArray back = MatrixFactorisation.rowsOf(items, e).mul(MatrixFactorisation.rowsOf(users, c).expandDims(1));
        return new NDList(there.add(back).sum(new int[] {2}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
