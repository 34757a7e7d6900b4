package dev.aiaas.cli.serving;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.VersionBinding;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas deploy ENDPOINT --model NAME@ALIAS}: serves a model and returns once it answers. */
@Command(name = "deploy", description = {"Serve a model on an endpoint; wait until it answers.",
    "Returns once the model is loaded, its digests verified and warmed up. NAME@ALIAS follows the alias when it moves (a swap that fails no request); NAME:VERSION stays on "
    + "one version. Deploying the same binding again changes nothing.",
    "Beside this champion it may serve a challenger, answering --challenger-weight percent of requests (a canary), "
        + "and a shadow, getting a copy of --shadow-share percent of requests and answering none (its answers are "
        + "only logged): versions of the same model, by alias or number. All are loaded or none is. A deploy "
        + "declares every binding: one left out is dropped. aiaas traffic changes the weights alone."})
public final class DeployCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint's name (the inference protocol's "
            + "model name)")
    String endpoint;

    @Option(names = "--model", required = true, paramLabel = "NAME@ALIAS|NAME:VERSION",
            converter = ModelRef.Converter.class, description = "what it serves, e.g. penguins@champion or penguins:2")
    ModelRef model;

    @Option(names = "--challenger", paramLabel = "ALIAS|VERSION", converter = VersionBindingFlag.class,
            description = "a version of the same model that answers --challenger-weight of requests: an alias "
                    + "(followed as it moves, e.g. challenger) or a version number")
    VersionBinding challenger;

    @Option(names = "--challenger-weight", paramLabel = "P", description = "percent of requests the challenger "
            + "answers, by routing key, 0 to 100 (default 0: loaded, answering none)")
    Integer challengerWeight;

    @Option(names = "--shadow", paramLabel = "ALIAS|VERSION", converter = VersionBindingFlag.class,
            description = "a version of the same model that gets a copy of --shadow-share of requests and answers "
                    + "none: an alias or a version number")
    VersionBinding shadow;

    @Option(names = "--shadow-share", paramLabel = "P", description = "percent of requests also copied to the "
            + "shadow, 0 to 100 (default 0)")
    Integer shadowShare;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "how long to wait until it serves, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    protected int run(Session session) {
        DeployRequest request = request();
        Deployment deployment = session.services().deployments().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .deploy(request);
        session.printer().print(deployment, () -> EndpointView.details(deployment));
        if (deployment.getState() == DeploymentState.FAILED) {
            throw new CommandFailure(ExitCodes.ERROR, "endpoint " + endpoint + " could not load " + model + ": "
                    + deployment.getMessage());
        }
        return ExitCodes.OK;
    }

    /**
     * The deployment the flags declare.
     *
     * @throws CommandFailure (usage) for a weight outside 0 to 100, or above 0 with no version to send it to
     */
    DeployRequest request() {
        DeployRequest.Builder request = DeployRequest.newBuilder().setEndpoint(endpoint).setModelName(model.model())
                .setAlias(model.alias()).setVersion(model.version());
        if (challenger != null) {
            request.setChallenger(challenger);
        }
        if (challengerWeight != null) {
            request.setChallengerWeight(weight(challengerWeight, "--challenger-weight", challenger, "--challenger"));
        }
        if (shadow != null) {
            request.setShadow(shadow);
        }
        if (shadowShare != null) {
            request.setShadowShare(weight(shadowShare, "--shadow-share", shadow, "--shadow"));
        }
        return request.build();
    }

    private static int weight(int value, String flag, VersionBinding binding, String bindingFlag) {
        int percent = TrafficWeights.percent(value, flag);
        if (percent > 0 && binding == null) {
            throw CommandFailure.usage(flag + " needs " + bindingFlag + " ALIAS|VERSION: the version that gets them");
        }
        return percent;
    }
}
