package dev.aiaas.cli.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.aiaas.cli.StandInStack;
import dev.aiaas.proto.serving.v1.BoundVersion;
import dev.aiaas.proto.serving.v1.DeployRequest;
import dev.aiaas.proto.serving.v1.Deployment;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentState;
import dev.aiaas.proto.serving.v1.GetDeploymentRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsRequest;
import dev.aiaas.proto.serving.v1.ListDeploymentsResponse;
import dev.aiaas.proto.serving.v1.SetTrafficRequest;
import dev.aiaas.proto.serving.v1.VersionBinding;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aiaas deploy} with a challenger and a shadow, {@code aiaas traffic} and {@code aiaas
 * endpoints list} against a stand-in of serving: the bindings and weights sent, and how they print.
 */
class TrafficCommandTest {

    @TempDir
    Path home;

    private final Serving serving = new Serving();
    private StandInStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = new StandInStack(home, serving);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stack.close();
    }

    @Test
    void deploySendsTheChallengerByAliasAndTheShadowByVersionWithTheirWeightsAndPrintsThem() {
        int exit = stack.run("deploy", "penguins", "--model", "penguins@champion", "--challenger", "challenger",
                "--challenger-weight", "10", "--shadow", "5", "--shadow-share", "100");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(serving.deployed).singleElement().isEqualTo(DeployRequest.newBuilder().setEndpoint("penguins")
                .setModelName("penguins").setAlias("champion")
                .setChallenger(VersionBinding.newBuilder().setAlias("challenger")).setChallengerWeight(10)
                .setShadow(VersionBinding.newBuilder().setVersion(5)).setShadowShare(100).build());
        assertThat(stack.out()).containsPattern("serves: +penguins@champion")
                .containsPattern("challenger: +penguins@challenger, serving v4, READY; answers 10% of requests")
                .containsPattern("shadow: +penguins:5, serving v5, READY; gets a copy of 100% of requests, "
                        + "answering none");
    }

    @Test
    void deployWithoutAChallengerOrShadowSendsNoneAndPrintsNone() {
        assertThat(stack.run("deploy", "penguins", "--model", "penguins:3")).isZero();

        assertThat(serving.deployed).singleElement().isEqualTo(DeployRequest.newBuilder().setEndpoint("penguins")
                .setModelName("penguins").setVersion(3).build());
        assertThat(stack.out()).contains("serves:").doesNotContain("challenger").doesNotContain("shadow");
    }

    @Test
    void aWeightOutOfRangeOrWithoutItsVersionOrABadVersionIsAUsageErrorAndNothingIsDeployed() {
        List<List<String>> wrong = List.of(List.of("--challenger", "challenger", "--challenger-weight", "101"),
                List.of("--challenger-weight", "10"), List.of("--shadow-share", "50"), List.of("--challenger", "0"),
                List.of("--shadow", "penguins@shadow"), List.of("--shadow", "5", "--shadow-share", "-1"));
        for (List<String> flags : wrong) {
            String[] args = Stream.concat(Stream.of("deploy", "penguins", "--model", "penguins@champion"),
                    flags.stream()).toArray(String[]::new);
            assertThat(stack.run(args)).as(flags.toString()).isEqualTo(2);
        }

        assertThat(stack.err()).contains("--challenger-weight is a percent of requests, 0 to 100, not 101")
                .contains("--challenger-weight needs --challenger ALIAS|VERSION")
                .contains("--shadow-share needs --shadow ALIAS|VERSION")
                .contains("Invalid value for option '--challenger': '0' is not a version: versions count from 1")
                .contains("Invalid value for option '--shadow': 'penguins@shadow': give only the alias")
                .contains("--shadow-share is a percent of requests, 0 to 100, not -1");
        assertThat(serving.deployed).isEmpty();
    }

    @Test
    void trafficSetsTheWeightNamedAndKeepsTheOther() {
        serving.deployment = split(10, 100);

        int exit = stack.run("traffic", "penguins", "--challenger-weight", "25");

        assertThat(exit).as(stack.err()).isZero();
        assertThat(serving.traffic).singleElement().isEqualTo(SetTrafficRequest.newBuilder().setEndpoint("penguins")
                .setChallengerWeight(25).setShadowShare(100).build());
        assertThat(stack.out()).containsPattern("challenger: +penguins@challenger, serving v4, READY; answers 25% of "
                + "requests").containsPattern("gets a copy of 100% of requests");
    }

    @Test
    void trafficWithBothWeightsSendsBothAndJsonIsTheDeploymentTheServiceAnswered() throws Exception {
        serving.deployment = split(10, 100);

        assertThat(stack.run("traffic", "penguins", "--challenger-weight", "0", "--shadow-share", "30", "--output",
                "json")).isZero();

        assertThat(serving.traffic).singleElement().isEqualTo(SetTrafficRequest.newBuilder().setEndpoint("penguins")
                .setChallengerWeight(0).setShadowShare(30).build());
        Deployment.Builder printed = Deployment.newBuilder();
        JsonFormat.parser().merge(stack.out(), printed);
        assertThat(printed.build()).isEqualTo(split(0, 30));
    }

    @Test
    void trafficWithoutFlagsPrintsTheSplitAndAWeightOutOfRangeIsAUsageError() {
        serving.deployment = split(10, 100);

        assertThat(stack.run("traffic", "penguins")).isZero();
        assertThat(stack.out()).containsPattern("answers 10% of requests");

        assertThat(stack.run("traffic", "penguins", "--shadow-share", "150")).isEqualTo(2);
        assertThat(stack.run("traffic", "penguins", "--challenger-weight", "half")).isEqualTo(2);
        assertThat(stack.err()).contains("--shadow-share is a percent of requests, 0 to 100, not 150")
                .contains("Invalid value for option '--challenger-weight'");
        assertThat(serving.traffic).isEmpty();
    }

    @Test
    void trafficOfAnUnknownEndpointIsTheServicesNotFound() {
        assertThat(stack.run("traffic", "nowhere", "--challenger-weight", "5")).isEqualTo(3);
        assertThat(stack.err()).contains("NOT_FOUND: no endpoint named 'nowhere'");
    }

    @Test
    void endpointsListShowsTheChallengerAndShadowColumnsOnlyWhenOneIsBound() {
        serving.deployment = Deployment.newBuilder().setEndpoint("iris").setModelName("iris").setVersion(1)
                .setServingVersion(1).setState(DeploymentState.READY).build();

        assertThat(stack.run("endpoints", "list")).isZero();
        assertThat(stack.out()).doesNotContain("CHALLENGER");

        stack.forgetOutput();
        serving.deployment = split(10, 100).toBuilder().setShadow(BoundVersion.newBuilder().setVersion(5)
                .setServingVersion(5).setState(DeploymentState.LOADING)).build();
        assertThat(stack.run("endpoints", "list")).isZero();
        assertThat(stack.out()).containsPattern("(?m)^ENDPOINT +SERVES +VERSION +STATE +CHALLENGER +SHADOW +QUEUED")
                .containsPattern("(?m)^penguins +penguins@champion +v3 +READY +@challenger=v4 10% +v5 100% LOADING ");
    }

    /** A deployment of penguins@champion (v3) with challenger @challenger (v4) and shadow v5 at these weights. */
    private static Deployment split(int challengerWeight, int shadowShare) {
        return Deployment.newBuilder().setEndpoint("penguins").setModelName("penguins").setAlias("champion")
                .setServingVersion(3).setState(DeploymentState.READY)
                .setChallenger(BoundVersion.newBuilder().setAlias("challenger").setServingVersion(4)
                        .setState(DeploymentState.READY))
                .setChallengerWeight(challengerWeight)
                .setShadow(BoundVersion.newBuilder().setVersion(5).setServingVersion(5).setState(DeploymentState.READY))
                .setShadowShare(shadowShare).build();
    }

    /**
     * Serving as the commands see it: deploys what it is asked (an alias serves v4, a version
     * itself), keeps the deployment it holds and sets its weights.
     */
    private static final class Serving extends DeploymentServiceGrpc.DeploymentServiceImplBase {

        final List<DeployRequest> deployed = new CopyOnWriteArrayList<>();
        final List<SetTrafficRequest> traffic = new CopyOnWriteArrayList<>();
        volatile Deployment deployment;

        @Override
        public void deploy(DeployRequest request, StreamObserver<Deployment> response) {
            deployed.add(request);
            Deployment.Builder d = Deployment.newBuilder().setEndpoint(request.getEndpoint())
                    .setModelName(request.getModelName()).setAlias(request.getAlias()).setVersion(request.getVersion())
                    .setServingVersion(request.getVersion() == 0 ? 3 : request.getVersion())
                    .setState(DeploymentState.READY).setChallengerWeight(request.getChallengerWeight())
                    .setShadowShare(request.getShadowShare());
            if (request.hasChallenger()) {
                d.setChallenger(bound(request.getChallenger()));
            }
            if (request.hasShadow()) {
                d.setShadow(bound(request.getShadow()));
            }
            deployment = d.build();
            response.onNext(deployment);
            response.onCompleted();
        }

        @Override
        public void getDeployment(GetDeploymentRequest request, StreamObserver<Deployment> response) {
            if (deployment == null || !deployment.getEndpoint().equals(request.getEndpoint())) {
                response.onError(Status.NOT_FOUND.withDescription("no endpoint named '" + request.getEndpoint() + "'")
                        .asRuntimeException());
                return;
            }
            response.onNext(deployment);
            response.onCompleted();
        }

        @Override
        public void listDeployments(ListDeploymentsRequest request, StreamObserver<ListDeploymentsResponse> response) {
            response.onNext(ListDeploymentsResponse.newBuilder().addDeployments(deployment).build());
            response.onCompleted();
        }

        @Override
        public void setTraffic(SetTrafficRequest request, StreamObserver<Deployment> response) {
            traffic.add(request);
            deployment = deployment.toBuilder().setChallengerWeight(request.getChallengerWeight())
                    .setShadowShare(request.getShadowShare()).build();
            response.onNext(deployment);
            response.onCompleted();
        }

        private static BoundVersion bound(VersionBinding binding) {
            return BoundVersion.newBuilder().setAlias(binding.getAlias()).setVersion(binding.getVersion())
                    .setServingVersion(binding.getVersion() == 0 ? 4 : binding.getVersion())
                    .setState(DeploymentState.READY).build();
        }
    }
}
