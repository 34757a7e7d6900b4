package dev.aiaas.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        BufferedInputStream in = new BufferedInputStream(parameters);
        in.mark(DJL_MAGIC.length);
        if (!Arrays.equals(in.readNBytes(DJL_MAGIC.length), DJL_MAGIC)) {
            throw new IllegalArgumentException("not a DJL parameters file (no DJL@ header): upload the model.params "
                    + "that training wrote");
        }
        in.reset();
        Model model = Model.newInstance(MODEL_NAME, device);
        try {
            model.setBlock(ModelFamilies.block(spec));
            model.load(in);
            return new LoadedModel(spec, model);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("the parameters do not fit a " + spec.family() + " with input "
                    + spec.inputShape() + " and layers " + spec.hiddenUnits() + ": " + e.getMessage(), e);
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
     * @throws IllegalStateException for a regression model
     */
    public float[] predictProbabilities(float[] batch, int rows) {
        if (!spec.family().classifier()) {
            throw new IllegalStateException(spec.family() + " predicts numbers, not classes: call predict");
        }
        return run(probabilities, batch, rows);
    }

    /** Raw outputs (logits for classifiers, predicted values for regression), {@code rows × outputs}. */
    public float[] predict(float[] batch, int rows) {
        return run(scores, batch, rows);
    }

    /** The most probable class of each row. */
    public int[] predictClasses(float[] batch, int rows) {
        return ClassScores.argmax(predict(batch, rows), rows, spec.outputs());
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
