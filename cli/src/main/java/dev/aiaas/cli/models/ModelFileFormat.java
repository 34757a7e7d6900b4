package dev.aiaas.cli.models;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.proto.registry.v1.ModelFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Which kind of model file an upload is: {@code --format}, else the file's extension. */
final class ModelFileFormat {

    private ModelFileFormat() {
    }

    /** By extension: {@code .pt} and {@code .pth} are TorchScript, {@code .onnx} is ONNX. */
    static Optional<ModelFormat> byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pt") || name.endsWith(".pth")) {
            return Optional.of(ModelFormat.TORCHSCRIPT);
        }
        if (name.endsWith(".onnx")) {
            return Optional.of(ModelFormat.ONNX);
        }
        return Optional.empty();
    }

    /** {@code given} when not null, else by extension; a usage error when neither says. */
    static ModelFormat of(Path file, ModelFormat given) {
        if (given != null) {
            return given;
        }
        return byName(file).orElseThrow(() -> CommandFailure.usage("cannot tell the format of " + file
                + " from its name (.pt, .pth or .onnx): pass --format torchscript or onnx"));
    }

    /** For {@code --format}: torchscript, onnx, in any case. */
    public static final class Converter extends ProtoEnumConverter<ModelFormat> {
        public Converter() {
            super(ModelFormat.class);
        }
    }
}
