package dev.aiaas.cli.serving;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas deploy ENDPOINT --model NAME@ALIAS}: serves a model and returns once it answers. */
@Command(name = "deploy", description = {"Serve a model on an endpoint; wait until it answers.",
    "Returns once the model is loaded, its digests verified and warmed up. NAME@ALIAS follows the alias when it moves (a swap that fails no request); NAME:VERSION stays on "
    + "one version. Deploying the same binding again changes nothing."})
public final class DeployCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint's name (the inference protocol's "
            + "model name)")
    String endpoint;

    @Option(names = "--model", required = true, paramLabel = "NAME@ALIAS|NAME:VERSION",
            converter = ModelRef.Converter.class, description = "what it serves, e.g. penguins@champion or penguins:2")
    ModelRef model;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "how long to wait until it serves, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    protected int run(Session session) {
        Deployment deployment = session.services().deployments().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .deploy(DeployRequest.newBuilder().setEndpoint(endpoint).setModelName(model.model())
                        .setAlias(model.alias()).setVersion(model.version()).build());
        session.printer().print(deployment, () -> EndpointView.details(deployment));
        if (deployment.getState() == DeploymentState.FAILED) {
            throw new CommandFailure(ExitCodes.ERROR, "endpoint " + endpoint + " could not load " + model + ": "
                    + deployment.getMessage());
        }
        return ExitCodes.OK;
    }
}
