package dev.aiaas.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.translate.TranslateException;
import dev.aiaas.ml.transform.LabelTask;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model ready to predict: its spec and its parameters in a DJL {@link Model} built from
 * {@link ModelFamilies#block}. Thread-safe: every call gets its own {@link Predictor}, whose
 * per-call NDManager is closed before the call returns, so nothing accumulates on the
 * model's manager however many calls are made. Close it to free the parameters.
 */
public final class LoadedModel implements AutoCloseable {

    /** Name the parameters file gets inside a saved folder: {@value}-0000.params. */
    static final String MODEL_NAME = "model";
    private static final byte[] DJL_MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    private final ModelSpec spec;
    private final Model model;
    private final BatchTranslator scores;
    private final BatchTranslator probabilities;

    /** Wraps a model whose Block holds the parameters; freezes them, as nothing trains them any more. */
    LoadedModel(ModelSpec spec, Model model) {
        this.spec = spec;
        this.model = model;
        this.scores = new BatchTranslator(spec, false);
        this.probabilities = new BatchTranslator(spec, true);
        // No gradients are ever needed again; without this, predicting on a thread where
        // PyTorch's (thread-local) grad mode is on would record an autograd graph per call.
        model.getBlock().freezeParameters(true);
    }

    /** Loads the parameters that {@link #saveParameters} wrote into the Block of {@code spec}. */
    public static LoadedModel load(ModelSpec spec, Path parameters, Device device) throws IOException {
        try (InputStream in = Files.newInputStream(parameters)) {
            return load(spec, in, device);
        }
    }

    /**
     * Loads DJL parameters from {@code parameters} (left open) into the Block of {@code spec}.
     *
     * @throws IllegalArgumentException when the stream is not a DJL parameter file or does not fit the spec
     */
    public static LoadedModel load(ModelSpec spec, InputStream parameters, Device device) throws IOException {
        Model model = Model.newInstance(MODEL_NAME, device);
        try {
            model.setBlock(ModelFamilies.block(spec));
            loadInto(model, spec, parameters);
            return new LoadedModel(spec, model);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads DJL parameters from {@code parameters} (left open) into {@code model}'s Block, which
     * must be the Block of {@code spec}.
     *
     * @throws IllegalArgumentException when the stream is not a DJL parameter file or does not fit the spec
     */
    static void loadInto(Model model, ModelSpec spec, InputStream parameters) throws IOException {
        BufferedInputStream in = new BufferedInputStream(parameters);
        in.mark(DJL_MAGIC.length);
        if (!Arrays.equals(in.readNBytes(DJL_MAGIC.length), DJL_MAGIC)) {
            throw new IllegalArgumentException("not a DJL parameters file (no DJL@ header): upload the model.params "
                    + "that training wrote");
        }
        in.reset();
        String fit = "the parameters do not fit a " + spec.family() + " with input " + spec.inputShape()
                + " and layers " + spec.hiddenUnits() + ": ";
        // DJL takes any shape it reads: initialise the Block for the spec first, so that each
        // loaded parameter can be held against the shape the spec gives it
        Block block = model.getBlock();
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(spec.batchShape(1)));
        Map<String, Parameter> byName = new LinkedHashMap<>();
        block.getParameters().forEach(pair -> byName.put(pair.getKey(), pair.getValue()));
        Map<String, Shape> expected = new LinkedHashMap<>();
        List<NDArray> initial = new ArrayList<>();
        byName.forEach((name, parameter) -> {
            expected.put(name, parameter.getArray().getShape());
            initial.add(parameter.getArray());
        });
        try {
            model.load(in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException(fit + e.getMessage(), e);
        } finally {
            initial.forEach(NDArray::close);
        }
        for (Map.Entry<String, Parameter> parameter : byName.entrySet()) {
            Shape loaded = parameter.getValue().getArray().getShape();
            if (!loaded.equals(expected.get(parameter.getKey()))) {
                throw new IllegalArgumentException(fit + "parameter " + parameter.getKey() + " has shape " + loaded
                        + " where the spec needs " + expected.get(parameter.getKey()));
            }
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * Bytes the parameters take in the engine: every parameter tensor's element count times
     * its element size, read from the loaded Block (what the engine really allocated).
     */
    public long parameterBytes() {
        long bytes = 0;
        for (var parameter : model.getBlock().getParameters().values()) {
            if (parameter.isInitialized()) {
                var array = parameter.getArray();
                bytes += array.size() * array.getDataType().getNumOfBytes();
            }
        }
        return bytes;
    }

    /** The device the parameters live on. */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /**
     * Class probabilities of {@code rows} inputs: {@code rows × outputs} values, row-major,
     * each row summing to 1.
     *
     * @param batch {@code rows × spec().inputSize()} features, C order
     * @throws IllegalStateException for a model that is not a classifier
     */
    public float[] predictProbabilities(float[] batch, int rows) {
        requireClassifier();
        return run(probabilities, batch, rows);
    }

    /**
     * Raw outputs, {@code rows × outputs}: logits for classifiers; for regression the predicted
     * values, in the target's units (the training scaling undone); for an anomaly detector each
     * row's reconstruction.
     */
    public float[] predict(float[] batch, int rows) {
        float[] outputs = run(scores, batch, rows);
        return spec.task() == LabelTask.REGRESSION ? spec.scaling().unscale(outputs) : outputs;
    }

    /**
     * The most probable class of each row.
     *
     * @throws IllegalStateException for a model that is not a classifier
     */
    public int[] predictClasses(float[] batch, int rows) {
        requireClassifier();
        return ClassScores.argmax(predict(batch, rows), rows, spec.outputs());
    }

    /**
     * The anomaly score of each of {@code rows} inputs: the mean squared difference between the
     * row and the autoencoder's reconstruction of it. Higher is more anomalous.
     *
     * @param batch {@code rows × spec().inputSize()} features, C order
     * @throws IllegalStateException for a model that is not an anomaly detector
     */
    public float[] anomalyScores(float[] batch, int rows) {
        if (!spec.anomalyDetector()) {
            throw refusal("anomaly scores");
        }
        return ReconstructionError.perRow(batch, 0, run(scores, batch, rows), rows);
    }

    /**
     * Whether a row of anomaly score {@code score} is an anomaly: above the fitted threshold.
     *
     * @throws IllegalStateException for a model that is not an anomaly detector, or has no fitted threshold
     */
    public boolean isAnomaly(float score) {
        if (!spec.anomalyDetector()) {
            throw refusal("anomalies");
        }
        if (spec.threshold() == null) {
            throw new IllegalStateException("this " + spec.family() + " has no fitted anomaly threshold: train it with"
                    + " validation rows");
        }
        return spec.threshold().exceededBy(score);
    }

    /** This model's parameters with the anomaly threshold {@code fitted} (sharing them: close only one). */
    LoadedModel withThreshold(AnomalyThreshold fitted) {
        return new LoadedModel(spec.withThreshold(fitted), model);
    }

    private void requireClassifier() {
        if (!spec.classifier()) {
            throw refusal("classes");
        }
    }

    private IllegalStateException refusal(String wanted) {
        String answers = switch (spec.task()) {
            case CLASSIFICATION -> "predicts classes, not " + wanted + ": call predictProbabilities or predictClasses";
            case REGRESSION -> "predicts numbers, not " + wanted + ": call predict";
            case ANOMALY -> "scores anomalies, not " + wanted + ": call anomalyScores and isAnomaly";
            case RECOMMENDATION -> throw new IllegalStateException("no ModelSpec recommends"); // its constructor refuses
        };
        return new IllegalStateException(spec.family() + " " + answers);
    }

    private float[] run(BatchTranslator translator, float[] batch, int rows) {
        if (rows < 1 || batch.length != (long) rows * spec.inputSize()) {
            throw new IllegalArgumentException("a batch of " + rows + " rows of shape " + spec.inputShape() + " has "
                    + (long) rows * spec.inputSize() + " values, got " + batch.length);
        }
        try (Predictor<BatchTranslator.Rows, float[]> predictor = model.newPredictor(translator)) {
            return predictor.predict(new BatchTranslator.Rows(batch, rows));
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed on " + device() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the parameters into {@code emptyFolder} (created if missing; it must hold no
     * other {@code .params}, since DJL picks the highest-numbered one when loading).
     *
     * @return the single parameters file written
     */
    public Path saveParameters(Path emptyFolder) throws IOException {
        return save(model, emptyFolder);
    }

    /** Saves {@code model}'s parameters into {@code emptyFolder}, as {@link #saveParameters}. */
    static Path save(Model model, Path emptyFolder) throws IOException {
        Files.createDirectories(emptyFolder);
        if (!paramsIn(emptyFolder).isEmpty()) {
            throw new IllegalArgumentException(emptyFolder + " already holds parameters: save into a fresh folder");
        }
        model.save(emptyFolder, MODEL_NAME);
        List<Path> written = paramsIn(emptyFolder);
        if (written.size() != 1) {
            throw new IllegalStateException("expected one parameters file in " + emptyFolder + ", found " + written);
        }
        return written.get(0);
    }

    private static List<Path> paramsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".params")).toList();
        }
    }

    /** The model's own manager; tests look at what stays attached to it. */
    NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public void close() {
        model.close();
    }
}
