package dev.aiaas.cli.models;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.datasets.ImportProgress;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.common.v1.Signature;
import dev.aiaas.proto.common.v1.Task;
import dev.aiaas.proto.common.v1.TensorSpec;
import dev.aiaas.proto.registry.v1.Alias;
import dev.aiaas.proto.registry.v1.ModelFormat;
import dev.aiaas.proto.registry.v1.ModelVersion;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.proto.registry.v1.UploadHeader;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aiaas models upload NAME --file PATH}: registers a TorchScript or ONNX file made
 * elsewhere as the model's next version. The file is hashed first, then streamed to the registry,
 * which registers it only when the bytes it received have the size and SHA-256 the header said.
 */
@Command(name = "upload", description = {"Upload a TorchScript or ONNX model as the next version of a model.",
    "Hashes the file (SHA-256), then streams it to the registry with the signature it is served by: each --input "
        + "and --output-tensor as NAME:DATATYPE:SHAPE (DATATYPE FP32, FP64, INT32 or INT64; SHAPE like -1,4, -1 for "
        + "the batch and any other free dimension). The model is created when missing. DATA_LOSS (exit code 1) when "
        + "the bytes the registry received do not match the file's size and digest: nothing is registered.",
    "(--output-tensor, not --output: --output is the answer's format, table, json or yaml, as for every command.)"})
final class UploadModelCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the model that receives the new version")
    String model;

    @Option(names = "--file", required = true, paramLabel = "PATH", description = "the model file (.pt, .pth or .onnx)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", converter = ModelFileFormat.Converter.class,
            completionCandidates = ModelFileFormat.Converter.class,
            description = "torchscript or onnx (default: by extension: .pt, .pth TorchScript; .onnx ONNX)")
    ModelFormat format;

    @Option(names = "--input", required = true, paramLabel = "NAME:DATATYPE:SHAPE", converter = TensorFlag.class,
            description = "an input tensor, repeated in the model's order, e.g. features:FP32:-1,4")
    List<TensorSpec> inputs;

    // Not --output: every command's --output is the answer's format (table, json, yaml).
    @Option(names = "--output-tensor", required = true, paramLabel = "NAME:DATATYPE:SHAPE",
            converter = TensorFlag.class, description = "an output tensor, repeated in the model's order, "
                    + "e.g. logits:FP32:-1,3 (--output is the answer's format, as for every command)")
    List<TensorSpec> outputs;

    @Option(names = "--task", paramLabel = "TASK", converter = UploadTask.class,
            completionCandidates = UploadTask.class,
            description = "classification or regression: how to read the outputs (default: not said)")
    Task task;

    @Option(names = "--description", paramLabel = "TEXT", description = "what the version is")
    String description;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "a tag on the version, repeated")
    Map<String, String> tags;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "an alias to point at the new version, e.g. "
            + "champion (needs the admin role)")
    String alias;

    @Override
    protected int run(Session session) throws Exception {
        ModelFormat chosen = ModelFileFormat.of(file, format);
        FileDigest digest = FileDigest.of(file);
        if (digest.sizeBytes() == 0) {
            throw CommandFailure.usage(file + " is empty: upload the file torch.jit.save or the ONNX exporter wrote");
        }
        session.progress().println(file.getFileName() + ": " + digest.sizeBytes() + " bytes, sha256 "
                + digest.sha256());
        ModelVersion version = upload(session, header(chosen, digest));
        if (alias == null) {
            session.printer().print(version, () -> ModelView.uploaded(version));
            return ExitCodes.OK;
        }
        Alias moved = setAlias(session, version);
        session.printer().print(() -> ProtoText.object("version", version, "alias", moved),
                () -> ModelView.uploaded(version) + "\n" + ModelView.alias(moved));
        return ExitCodes.OK;
    }

    /** The header the registry checks before taking a byte, and checks the bytes against. */
    UploadHeader header(ModelFormat chosen, FileDigest digest) {
        Signature.Builder signature = Signature.newBuilder().addAllInputs(inputs).addAllOutputs(outputs);
        if (task != null) {
            signature.setTask(task);
        }
        UploadHeader.Builder header = UploadHeader.newBuilder().setModelName(model).setFormat(chosen)
                .setSignature(signature).setSha256(digest.sha256()).setSizeBytes(digest.sizeBytes());
        if (description != null) {
            header.setDescription(description);
        }
        if (tags != null) {
            header.putAllTags(tags);
        }
        return header.build();
    }

    private ModelVersion upload(Session session, UploadHeader header) throws Exception {
        ImportProgress progress = ImportProgress.bytes(session.progress(), session.terminal().interactive(),
                file.getFileName().toString());
        try (InputStream in = progress.follow(Files.newInputStream(file))) {
            ModelVersion version = ModelFileUpload.send(session.services().registryAsync(), header, in);
            progress.done();
            return version;
        }
    }

    /** Points {@link #alias} at the new version; when that fails, says the version is registered all the same. */
    private Alias setAlias(Session session, ModelVersion version) {
        try {
            return session.services().registry().setAlias(SetAliasRequest.newBuilder().setModelName(model)
                    .setAlias(alias).setVersion(version.getVersion()).build());
        } catch (StatusRuntimeException e) {
            session.progress().println(model + " v" + version.getVersion() + " is registered, but " + alias
                    + " was not moved to it: fix the cause below, then aiaas alias set " + model + " " + alias + " "
                    + version.getVersion());
            throw e;
        }
    }

    /** {@code --task}: the two tasks an uploaded model's outputs can be read as. */
    static final class UploadTask implements ITypeConverter<Task>, Iterable<String> {
        private static final List<String> NAMES = List.of("classification", "regression");

        @Override
        public Task convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "classification" -> Task.CLASSIFICATION;
                case "regression" -> Task.REGRESSION;
                default -> throw new TypeConversionException("'" + value + "' is not classification or regression");
            };
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
