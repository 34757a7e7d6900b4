package dev.aiaas.cli.models;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.cli.output.ProtoText;
import dev.aiaas.proto.registry.v1.GetRegisteredModelRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsRequest;
import dev.aiaas.proto.registry.v1.ListModelVersionsResponse;
import dev.aiaas.proto.registry.v1.RegisteredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas models show NAME}: the model, its aliases and every version with metrics and lineage. */
@Command(name = "show", description = {"Show a model with its versions.",
    "Its aliases, and each version with its metrics and lineage (dataset version, pipeline, training job)."})
final class ShowModelCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the model")
    String name;

    @Override
    protected int run(Session session) {
        RegisteredModel model = session.services().registry().getRegisteredModel(GetRegisteredModelRequest.newBuilder()
                .setName(name).build());
        ListModelVersionsResponse versions = session.services().registry().listModelVersions(
                ListModelVersionsRequest.newBuilder().setModelName(name).build());
        session.printer().print(() -> ProtoText.object("model", model)
                        .set("versions", ProtoText.tree(versions).get("versions")),
                () -> ModelView.details(model, versions.getVersionsList()));
        return ExitCodes.OK;
    }
}
