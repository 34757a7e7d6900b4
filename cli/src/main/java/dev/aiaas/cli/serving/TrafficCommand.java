package dev.aiaas.cli.serving;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.SetTrafficRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas traffic ENDPOINT}: how an endpoint's requests are shared between its versions; shown, or changed. */
@Command(name = "traffic", description = {"Show or change how an endpoint's requests are shared between its "
        + "champion, challenger and shadow.",
    "Without flags it prints the endpoint with its versions and weights. The flags apply at once, on every replica, "
        + "loading nothing: --challenger-weight percent of requests (picked by routing key, so a key keeps its "
        + "version) are answered by the challenger, and --shadow-share percent are also copied to the shadow, whose "
        + "answers are only logged. A flag left out keeps its weight. aiaas deploy --challenger/--shadow binds the "
        + "versions. Needs the admin role.",
    "  aiaas traffic penguins --challenger-weight 20 --shadow-share 0"})
public final class TrafficCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "the endpoint")
    String endpoint;

    @Option(names = "--challenger-weight", paramLabel = "P", description = "percent of requests the challenger "
            + "answers, 0 to 100")
    Integer challengerWeight;

    @Option(names = "--shadow-share", paramLabel = "P", description = "percent of requests also copied to the "
            + "shadow, 0 to 100")
    Integer shadowShare;

    @Override
    protected int run(Session session) {
        if (challengerWeight != null) {
            TrafficWeights.percent(challengerWeight, "--challenger-weight");
        }
        if (shadowShare != null) {
            TrafficWeights.percent(shadowShare, "--shadow-share");
        }
        Deployment current = session.services().deployments().getDeployment(GetDeploymentRequest.newBuilder()
                .setEndpoint(endpoint).build());
        if (challengerWeight == null && shadowShare == null) {
            session.printer().print(current, () -> EndpointView.details(current));
            return ExitCodes.OK;
        }
        // SetTraffic sets both weights: the one not named keeps its value.
        Deployment changed = session.services().deployments().setTraffic(SetTrafficRequest.newBuilder()
                .setEndpoint(endpoint)
                .setChallengerWeight(challengerWeight == null ? current.getChallengerWeight() : challengerWeight)
                .setShadowShare(shadowShare == null ? current.getShadowShare() : shadowShare).build());
        session.printer().print(changed, () -> EndpointView.details(changed));
        return ExitCodes.OK;
    }
}
