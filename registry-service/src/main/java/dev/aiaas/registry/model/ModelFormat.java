package dev.aiaas.registry.model;

/**
 * The kinds of model file made elsewhere that the registry takes; the format's name is the
 * version's family, and the file is stored under the name its engine expects.
 */
public enum ModelFormat {
    /** A TorchScript module (torch.jit.save), served by the PyTorch engine. */
    TORCHSCRIPT("model.pt"),
    /** An ONNX model, served by ONNX Runtime. */
    ONNX("model.onnx");

    private final String fileName;

    ModelFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The family recorded on the version: the format's name. */
    public String family() {
        return name();
    }

    /** The object's name under the upload's folder. */
    public String fileName() {
        return fileName;
    }
}
