package dev.aiaas.serving.model;

import dev.aiaas.ml.transform.LabelTask;
import java.util.List;
import java.util.Optional;

/**
 * What serving serves of an uploaded model: {@value #SERVED}. A request is checked against the
 * input (name, datatype, every dimension after the batch) before any of its values is copied;
 * the outputs are answered as the model computes them, in the signature's order.
 *
 * @param task what the outputs mean, as the uploader said: CLASSIFICATION or REGRESSION; an
 *             unsaid task is REGRESSION (numbers answered as they are). Either way the outputs
 *             are answered as computed: serving knows no class labels for such a model
 */
public record TensorSignature(TensorSpec input, List<TensorSpec> outputs, LabelTask task) {

    /** The signatures serving can serve, for refusals. */
    public static final String SERVED = "serving takes one input, FP32 or INT64 shaped [-1, d1, …] with every "
            + "dimension after the batch fixed, and one or more FP32 outputs shaped [-1, …]; the task, when said, "
            + "is CLASSIFICATION or REGRESSION";

    private static final List<String> INPUT_TYPES = List.of("FP32", "INT64");
    private static final String OUTPUT_TYPE = "FP32";

    public TensorSignature {
        outputs = List.copyOf(outputs);
    }

    /**
     * The registered signature as one serving can serve.
     *
     * @throws IllegalArgumentException saying what serving cannot serve
     */
    public static TensorSignature servable(RegisteredSignature registered) {
        if (registered.inputs().size() != 1) {
            throw new IllegalArgumentException("its signature declares " + registered.inputs().size() + " inputs "
                    + registered.inputs().stream().map(TensorSpec::name).toList());
        }
        TensorSpec input = registered.inputs().get(0);
        if (!INPUT_TYPES.contains(input.datatype())) {
            throw new IllegalArgumentException("its input " + input + " is not FP32 or INT64");
        }
        if (!batchFirst(input) || !input.fixedRows()) {
            throw new IllegalArgumentException("its input " + input + " is not shaped [-1, d1, …] with every "
                    + "dimension after the batch fixed");
        }
        if (registered.outputs().isEmpty()) {
            throw new IllegalArgumentException("its signature declares no outputs");
        }
        for (TensorSpec output : registered.outputs()) {
            if (!OUTPUT_TYPE.equals(output.datatype()) || !batchFirst(output)) {
                throw new IllegalArgumentException("its output " + output + " is not FP32 shaped [-1, …]");
            }
        }
        return new TensorSignature(input, registered.outputs(), task(registered.task()));
    }

    public List<String> outputNames() {
        return outputs.stream().map(TensorSpec::name).toList();
    }

    private static boolean batchFirst(TensorSpec tensor) {
        return !tensor.shape().isEmpty() && tensor.shape().get(0) == TensorSpec.FREE;
    }

    private static LabelTask task(Optional<LabelTask> said) {
        LabelTask task = said.orElse(LabelTask.REGRESSION);
        if (task != LabelTask.CLASSIFICATION && task != LabelTask.REGRESSION) {
            throw new IllegalArgumentException("its signature's task is " + task);
        }
        return task;
    }
}
