package dev.aiaas.serving.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.OutputTensor;
import dev.aiaas.serving.model.TensorSignature;
import dev.aiaas.serving.model.TensorSpec;
import dev.aiaas.serving.model.UploadedFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model made elsewhere, loaded into its format's engine (TorchScript on PyTorch, ONNX on ONNX
 * Runtime) and run one batch at a time. Each pass has a predictor of its own whose context
 * holds the batch's input and outputs: they are copied out as Java arrays before the pass returns
 * and freed with the context, so no engine memory outlives a batch. The outputs are named by the
 * signature, in its order.
 */
public final class UploadedModel implements AutoCloseable {

    /** Rows of the warm-up pass: more than one, so a batch dimension fixed at 1 shows. */
    static final int WARM_UP_ROWS = 2;

    /** The name the model is loaded under: with the format's extension, the file the engine looks for. */
    private static final String NAME = "model";

    private final Model model;
    private final UploadedFormat format;
    private final TensorSignature signature;

    private UploadedModel(Model model, UploadedFormat format, TensorSignature signature) {
        this.model = model;
        this.format = format;
        this.signature = signature;
    }

    /**
     * Loads the file the folder holds under {@code format.fileName()} on the CPU.
     *
     * @param engineThreads threads one pass may use (ONNX Runtime's intra-op pool; PyTorch's is set
     *                      per worker thread by whoever runs the passes)
     * @throws MalformedModelException or an engine's runtime exception when the engine cannot read the file
     */
    public static UploadedModel load(Path folder, UploadedFormat format, TensorSignature signature,
            int engineThreads) throws IOException, MalformedModelException {
        Model model = Model.newInstance(NAME, Device.cpu(), format.engine());
        try {
            model.load(folder, NAME, format == UploadedFormat.ONNX
                    ? Map.of("intraOpNumThreads", Integer.toString(engineThreads), "interOpNumThreads", "1")
                    : Map.of());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new UploadedModel(model, format, signature);
    }

    public UploadedFormat format() {
        return format;
    }

    public TensorSignature signature() {
        return signature;
    }

    /**
     * One pass of zeros ({@value #WARM_UP_ROWS} rows, so a file traced for a batch of one is refused
     * here rather than on the first batch the queue merges) that also checks the file answers what
     * its signature declares: as many outputs, FP32, a row per input row, with the declared fixed
     * dimensions, and, where the engine knows output names (ONNX), the declared names.
     *
     * @throws IllegalArgumentException saying how the file and its signature disagree, or what
     *                                  the engine said when it could not run the pass
     */
    public void warmUp() {
        List<Computed> outputs;
        try {
            outputs = compute(zeros());
        } catch (TranslateException | RuntimeException e) {
            throw new IllegalArgumentException("its warm-up pass (" + WARM_UP_ROWS + " rows of zeros) failed in " + format.engine()
                    + ": " + EngineMessages.of(e), e);
        }
        List<TensorSpec> declared = signature.outputs();
        if (outputs.size() != declared.size()) {
            throw new IllegalArgumentException("the file answers " + outputs.size() + " output(s) where its signature "
                    + "declares " + declared.size() + " " + signature.outputNames());
        }
        for (int i = 0; i < declared.size(); i++) {
            check(outputs.get(i), declared.get(i), i);
        }
    }

    /** The model's outputs for {@code input}, named and in the signature's order. */
    public List<OutputTensor> run(InferenceInput.Tensor input) {
        List<Computed> outputs;
        try {
            outputs = compute(input);
        } catch (TranslateException e) {
            throw new IllegalStateException(format.engine() + " failed on a batch of " + input.rows() + " rows: "
                    + EngineMessages.of(e), e);
        }
        List<OutputTensor> named = new ArrayList<>(outputs.size());
        for (int i = 0; i < signature.outputs().size(); i++) {
            Computed output = outputs.get(i);
            if (output.values() == null || output.shape().length == 0 || output.shape()[0] != input.rows()) {
                // the warm-up pass checked type and rank: a model whose answer depends on its input this way is broken
                throw new IllegalStateException(format.engine() + " answered output '" + signature.outputs().get(i)
                        .name() + "' as " + output.type() + " " + Arrays.toString(output.shape()) + " for "
                        + input.rows() + " rows");
            }
            named.add(new OutputTensor(signature.outputs().get(i).name(),
                    Arrays.stream(output.shape()).boxed().toList(), output.values()));
        }
        return named;
    }

    @Override
    public void close() {
        model.close();
    }

    private List<Computed> compute(InferenceInput.Tensor input) throws TranslateException {
        try (Predictor<InferenceInput.Tensor, List<Computed>> predictor = model.newPredictor(new Pass())) {
            return predictor.predict(input);
        }
    }

    private InferenceInput.Tensor zeros() {
        int values = Math.toIntExact(signature.input().rowWidth() * WARM_UP_ROWS);
        return "INT64".equals(signature.input().datatype()) ? InferenceInput.Tensor.int64(new long[values], WARM_UP_ROWS)
                : InferenceInput.Tensor.fp32(new float[values], WARM_UP_ROWS);
    }

    private static void check(Computed output, TensorSpec declared, int index) {
        if (output.name() != null && !output.name().isEmpty() && !output.name().equals(declared.name())) {
            throw new IllegalArgumentException("output " + (index + 1) + " of the file is '" + output.name()
                    + "' where its signature declares " + declared);
        }
        if (output.type() != DataType.FLOAT32) {
            throw new IllegalArgumentException("output " + declared + " of the file is " + output.type()
                    + ", not FP32");
        }
        long[] shape = output.shape();
        boolean fits = shape.length == declared.shape().size() && shape[0] == WARM_UP_ROWS;
        for (int d = 1; fits && d < shape.length; d++) {
            long dim = declared.shape().get(d);
            fits = dim == TensorSpec.FREE || dim == shape[d];
        }
        if (!fits) {
            throw new IllegalArgumentException("output " + declared + " of the file is shaped "
                    + Arrays.toString(shape) + " for " + WARM_UP_ROWS + " rows");
        }
    }

    /** An output as the engine computed it, copied out of the pass's memory (values null unless FP32). */
    private record Computed(String name, long[] shape, DataType type, float[] values) {
    }

    /**
     * One pass: the batch (formed by the endpoint's queue, rows first) as the signature's input in,
     * every output copied out while the pass's memory lives.
     */
    private final class Pass implements NoBatchifyTranslator<InferenceInput.Tensor, List<Computed>> {

        @Override
        public NDList processInput(TranslatorContext ctx, InferenceInput.Tensor input) {
            NDManager manager = ctx.getNDManager();
            List<Long> dims = new ArrayList<>();
            dims.add((long) input.rows());
            dims.addAll(signature.input().rowShape());
            Shape shape = new Shape(dims.stream().mapToLong(Long::longValue).toArray());
            NDArray array = input.isInt64() ? manager.create(input.longs(), shape)
                    : manager.create(input.floats(), shape);
            array.setName(signature.input().name()); // ONNX Runtime feeds the input by name
            return new NDList(array);
        }

        @Override
        public List<Computed> processOutput(TranslatorContext ctx, NDList list) {
            List<Computed> outputs = new ArrayList<>(list.size());
            for (NDArray array : list) {
                DataType type = array.getDataType();
                outputs.add(new Computed(array.getName(), array.getShape().getShape(), type,
                        type == DataType.FLOAT32 ? array.toFloatArray() : null));
            }
            return outputs;
        }
    }
}
