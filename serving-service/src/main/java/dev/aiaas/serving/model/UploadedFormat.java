package dev.aiaas.serving.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats of a model made elsewhere and uploaded to the registry: the version's family is
 * the format's name, its one artifact (role {@value #ARTIFACT_ROLE}) the file, which the engine
 * loads from a folder under the file name it expects.
 */
public enum UploadedFormat {
    /** A TorchScript module (torch.jit.save), run by DJL's PyTorch engine. */
    TORCHSCRIPT("model.pt", "PyTorch", "pytorch_libtorch"),
    /** An ONNX model, run by DJL's ONNX Runtime engine. */
    ONNX("model.onnx", "OnnxRuntime", "onnxruntime_onnx");

    /** The role of an uploaded version's only artifact: the model file. */
    public static final String ARTIFACT_ROLE = "model";

    private final String fileName;
    private final String engine;
    private final String platform;

    UploadedFormat(String fileName, String engine, String platform) {
        this.fileName = fileName;
        this.engine = engine;
        this.platform = platform;
    }

    /** The format a version of {@code family} was uploaded in; empty for a family trained here. */
    public static Optional<UploadedFormat> of(String family) {
        return Arrays.stream(values()).filter(f -> f.name().equals(family)).findFirst();
    }

    /** The name the engine loads the file under (the model's name "model" and the format's extension). */
    public String fileName() {
        return fileName;
    }

    /** The DJL engine that runs it. */
    public String engine() {
        return engine;
    }

    /** The protocol's platform name for it in model metadata, as Triton names it. */
    public String platform() {
        return platform;
    }
}
