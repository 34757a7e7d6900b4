package dev.aiaas.registry.service;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.Names;
import dev.aiaas.registry.model.ModelFile;
import dev.aiaas.registry.model.TensorSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an uploaded model file's header must say before a byte of the file is taken: a valid
 * model name, a signature the serving engines can feed (named tensors of a numeric datatype with
 * positive or free dimensions), and a digest and size the received bytes can be checked against.
 * Every break is INVALID_ARGUMENT saying what to fix.
 */
final class ModelFileRules {

    /** The datatypes a TorchScript or ONNX model is served with. */
    static final List<String> DATATYPES = List.of("FP32", "FP64", "INT32", "INT64");

    private ModelFileRules() {
    }

    /** @param maxBytes the largest file the registry takes ({@code registry.upload.max-bytes}) */
    static void check(ModelFile file, long maxBytes) {
        Names.require("model name", file.modelName());
        checkTensors("input", file.inputs());
        checkTensors("output", file.outputs());
        if (file.sha256() == null || !ModelRegistry.SHA256.matcher(file.sha256()).matches()) {
            throw DomainException.invalid("sha256 '" + shortened(file.sha256()) + "' is not a SHA-256: give the"
                    + " whole file's digest as 64 lower-case hex digits (sha256sum prints it)");
        }
        if (file.sizeBytes() < 1) {
            throw DomainException.invalid("size_bytes is " + file.sizeBytes() + ": give the file's length in bytes");
        }
        if (file.sizeBytes() > maxBytes) {
            throw DomainException.invalid("the file is " + file.sizeBytes() + " bytes and this registry takes at most "
                    + maxBytes + " (registry.upload.max-bytes): upload a smaller model or ask an operator to raise it");
        }
    }

    private static void checkTensors(String kind, List<TensorSpec> tensors) {
        if (tensors.isEmpty()) {
            throw DomainException.invalid("the signature has no " + kind + "s: name every " + kind
                    + " tensor of the model with its datatype and shape");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec tensor = tensors.get(i);
            if (tensor.name() == null || tensor.name().isBlank()) {
                throw DomainException.invalid(kind + " " + (i + 1) + " of the signature has no name: give each "
                        + kind + " the name the model knows it by");
            }
            if (!names.add(tensor.name())) {
                throw DomainException.invalid("the signature names " + kind + " '" + tensor.name()
                        + "' twice: each " + kind + " needs a name of its own");
            }
            checkTensor(kind, tensor);
        }
    }

    private static void checkTensor(String kind, TensorSpec tensor) {
        if (!DATATYPES.contains(tensor.datatype())) {
            throw DomainException.invalid(kind + " '" + tensor.name() + "' has datatype '" + tensor.datatype()
                    + "': an uploaded model's tensors are one of " + String.join(", ", DATATYPES));
        }
        if (tensor.shape().isEmpty()) {
            throw DomainException.invalid(kind + " '" + tensor.name() + "' has no shape: give its dimensions,"
                    + " -1 for the batch and any other free one");
        }
        for (long dimension : tensor.shape()) {
            if (dimension == 0 || dimension < -1) {
                throw DomainException.invalid(kind + " '" + tensor.name() + "' has dimension " + dimension
                        + " in shape " + tensor.shape() + ": a dimension is a positive size, or -1 for a free one");
            }
        }
    }

    private static String shortened(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
