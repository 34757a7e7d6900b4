package dev.aiaas.models.recommend;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.aiaas.ml.interactions.IdIndex;
import dev.aiaas.ml.interactions.Interactions;
import dev.aiaas.ml.interactions.InteractionsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A recommender ready to answer: its spec, the training interactions (their {@link IdIndex}
 * maps ids to rows; their pairs are the items a user already has) and the tables. Scores are
 * computed in Java from a copy of the tables, so calls are thread-safe and allocate no native
 * memory; close it to free the engine's copy.
 *
 * <p>A user outside the index has no vector: {@link IdIndex#userRow} and every method taking a
 * user row refuse it with an {@link IllegalArgumentException} (serving's NOT_FOUND) rather than
 * falling back to the most popular items, so a caller never mistakes a default for a
 * personal answer. {@link MostPopular#of} over {@link #seen()} gives that fallback to a caller that wants it.
 */
public final class LoadedRecommender implements ItemScorer, AutoCloseable {

    /** The file {@link #save} writes the spec to. */
    public static final String SPEC_FILE = "recommender-spec.json";
    /** The file {@link #save} writes the index and training interactions to. */
    public static final String INTERACTIONS_FILE = "interactions.json";
    /** Name the parameters file gets: {@value}-0000.params. */
    static final String MODEL_NAME = "recommender";

    private final RecommenderSpec spec;
    private final Interactions seen;
    private final Model model;
    private final Factors factors;

    /** Wraps a model whose Block holds the parameters; freezes them, as nothing trains them any more. */
    LoadedRecommender(RecommenderSpec spec, Interactions seen, Model model) {
        this.spec = spec;
        this.seen = seen;
        this.model = model;
        model.getBlock().freezeParameters(true);
        this.factors = ((FactorBlock) model.getBlock()).factors();
    }

    public RecommenderSpec spec() {
        return spec;
    }

    /** How users and items are numbered. */
    public IdIndex index() {
        return seen.index();
    }

    /** The interactions the recommender was trained on: what {@code excludeSeen} leaves out. */
    public Interactions seen() {
        return seen;
    }

    @Override
    public int itemCount() {
        return spec.items();
    }

    /**
     * The score of every item row for user row {@code user}.
     *
     * @throws IllegalArgumentException for a row outside the index
     */
    @Override
    public float[] scores(int user) {
        return factors.scores(user);
    }

    /**
     * The {@code k} best items for user row {@code user}, best first; equal scores in item-row order.
     * Fewer than {@code k} when the catalogue, less the user's items if excluded, is smaller. With
     * shared ids, never the item with the user's own id.
     *
     * @param excludeSeen leave out the items the user had in training
     * @throws IllegalArgumentException for a row outside the index, or {@code k} below 1
     */
    public List<ScoredItem> topK(int user, int k, boolean excludeSeen) {
        float[] scores = scores(user);
        int self = factors.selfItem(user);
        int[] excluded = excludeSeen ? seen.itemsOf(user) : new int[0];
        if (self >= 0 && Arrays.binarySearch(excluded, self) < 0) {
            excluded = Arrays.copyOf(excluded, excluded.length + 1);
            excluded[excluded.length - 1] = self;
            Arrays.sort(excluded);
        }
        return List.of(Ranking.top(scores, k, excluded));
    }

    /**
     * Saves the spec, the interactions and the parameters into {@code emptyFolder} (created if missing).
     *
     * @throws IllegalArgumentException when the folder already holds a saved recommender
     */
    public void save(Path emptyFolder) throws IOException {
        Files.createDirectories(emptyFolder);
        if (Files.exists(emptyFolder.resolve(SPEC_FILE)) || !paramsIn(emptyFolder).isEmpty()) {
            throw new IllegalArgumentException(emptyFolder + " already holds a recommender: save into a fresh folder");
        }
        model.save(emptyFolder, MODEL_NAME);
        Files.writeString(emptyFolder.resolve(SPEC_FILE), RecommenderSpecJson.write(spec), StandardCharsets.UTF_8);
        Files.writeString(emptyFolder.resolve(INTERACTIONS_FILE), InteractionsJson.write(seen), StandardCharsets.UTF_8);
    }

    /**
     * Loads what {@link #save} wrote into {@code folder}.
     *
     * @throws IllegalArgumentException when the files are malformed or do not fit one another
     */
    public static LoadedRecommender load(Path folder, Device device) throws IOException {
        RecommenderSpec spec = RecommenderSpecJson.read(Files.readString(folder.resolve(SPEC_FILE)));
        Interactions seen = InteractionsJson.read(Files.readString(folder.resolve(INTERACTIONS_FILE)));
        spec.checkFits(seen, "saved");
        List<Path> params = paramsIn(folder);
        if (params.size() != 1) {
            throw new IllegalArgumentException("expected one parameters file in " + folder + ", found " + params);
        }
        Model model = Model.newInstance(MODEL_NAME, device);
        try (InputStream in = Files.newInputStream(params.get(0))) {
            model.setBlock(FactorBlock.of(spec, seen.index()));
            loadInto(model, spec, in);
            return new LoadedRecommender(spec, seen, model);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** DJL takes whatever shapes it reads: initialise for the spec first, then hold each loaded table against it. */
    private static void loadInto(Model model, RecommenderSpec spec, InputStream parameters) throws IOException {
        FactorBlock block = (FactorBlock) model.getBlock();
        block.initialize(model.getNDManager(), DataType.FLOAT32, FactorBlock.inputShapes(1));
        List<NDArray> initial = new ArrayList<>();
        parameters(block).values().forEach(parameter -> initial.add(parameter.getArray()));
        String fit = "the parameters do not fit a recommender of " + spec + ": ";
        try {
            model.load(parameters);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException(fit + e.getMessage(), e);
        } finally {
            initial.forEach(NDArray::close);
        }
        Map<String, Parameter> loaded = parameters(block);
        block.tableShapes().forEach((name, shape) -> check(loaded.get(name), shape, fit));
    }

    private static void check(Parameter parameter, Shape expected, String fit) {
        Shape shape = parameter.getArray().getShape();
        if (!shape.equals(expected)) {
            throw new IllegalArgumentException(fit + parameter.getName() + " has shape " + shape
                    + " where the spec needs " + expected);
        }
    }

    private static Map<String, Parameter> parameters(Block block) {
        return block.getParameters().toMap();
    }

    private static List<Path> paramsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".params")).toList();
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
