package dev.aiaas.cli.models;

import dev.aiaas.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code aiaas models …}: registered models. */
@Command(name = "models",
        description = "Registered models: list them, show one with its versions, upload a TorchScript or ONNX file.",
        synopsisSubcommandLabel = "COMMAND", subcommands = {ListModelsCommand.class, ShowModelCommand.class,
            UploadModelCommand.class})
public final class ModelsCommand extends NounCommand {
}
