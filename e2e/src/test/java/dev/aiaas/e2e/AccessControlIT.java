package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import dev.aiaas.cli.BearerToken;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.localstack.ServiceName;
import dev.aiaas.proto.access.v1.AccessServiceGrpc;
import dev.aiaas.proto.access.v1.GrantRoleRequest;
import dev.aiaas.proto.access.v1.ListGrantsRequest;
import dev.aiaas.proto.access.v1.RevokeRoleRequest;
import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsRequest;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc;
import dev.aiaas.security.LocalKeys;
import dev.aiaas.security.MethodAccess;
import dev.aiaas.security.PemKeys;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import dev.aiaas.security.TokenSigner;
import io.grpc.ClientInterceptor;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, walked over every method of every service descriptor of the platform and
 * the Open Inference Protocol (so a new RPC cannot be forgotten) and every REST route of
 * serving, against the running stack: a call without a token, with an expired one, one signed
 * with another key or one not signed at all is UNAUTHENTICATED (401); every call is for the
 * default project ({@code aiaas-project: default}), so a token with roles in another project only
 * finds NOT_FOUND (404) — even for what needs no project's data, such as ServerLive: the project
 * is looked at before the method — except on what only services may call; a viewer calling
 * anything beyond reading is PERMISSION_DENIED (403), as is an admin calling what only the
 * platform's services may; a viewer reading gets past the gate.
 */
class AccessControlIT {

    private static final List<ServiceDescriptor> DESCRIPTORS = List.of(IngestServiceGrpc.getServiceDescriptor(),
            PreprocessServiceGrpc.getServiceDescriptor(), TrainingServiceGrpc.getServiceDescriptor(),
            RegistryServiceGrpc.getServiceDescriptor(), DeploymentServiceGrpc.getServiceDescriptor(),
            GRPCInferenceServiceGrpc.getServiceDescriptor(), MonitoringServiceGrpc.getServiceDescriptor(),
            AccessServiceGrpc.getServiceDescriptor());
    /** A method that reads, of each service: what a granted role must open everywhere. */
    private static final List<MethodDescriptor<?, ?>> ONE_READ_PER_SERVICE = List.of(
            IngestServiceGrpc.getListDatasetsMethod(), PreprocessServiceGrpc.getGetPreparedDatasetMethod(),
            TrainingServiceGrpc.getListJobsMethod(), RegistryServiceGrpc.getListRegisteredModelsMethod(),
            DeploymentServiceGrpc.getListDeploymentsMethod(), MonitoringServiceGrpc.getGetModelMetricsMethod());
    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static final Set<Status.Code> REFUSED = Set.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    private static LocalStack stack;
    private static final Map<ServiceName, ManagedChannel> CHANNELS = new EnumMap<>(ServiceName.class);

    @BeforeAll
    static void connect() {
        stack = RunningStack.get();
        for (ServiceName service : ServiceName.values()) {
            CHANNELS.put(service, Grpc.newChannelBuilderForAddress("localhost", stack.service(service).port(),
                    stack.transport().channelCredentials()).build());
        }
    }

    @AfterAll
    static void disconnect() {
        CHANNELS.values().forEach(ManagedChannel::shutdownNow);
    }

    @Test
    void everyMethodRefusesCallersWithoutAValidTokenForItsProject() {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("an expired token", expired());
        badTokens.put("a token signed with another key", foreignKey());
        badTokens.put("an unsigned token (alg none)", unsigned());
        List<String> wrong = new ArrayList<>();
        int methods = 0;
        for (MethodDescriptor<?, ?> method : methods()) {
            methods++;
            for (Map.Entry<String, String> token : badTokens.entrySet()) {
                expect(wrong, method, token.getKey(), token.getValue(), Status.Code.UNAUTHENTICATED);
            }
            // what only services may call is refused to every user token before any project is looked at
            expect(wrong, method, "a token for another project", user("research", Role.ADMIN),
                    MethodAccess.of(method) == Access.SERVICE ? Status.Code.PERMISSION_DENIED : Status.Code.NOT_FOUND);
        }
        assertThat(methods).isGreaterThanOrEqualTo(45);
        assertThat(wrong).as("calls answered otherwise than expected").isEmpty();
    }

    @Test
    void aViewerReadsButChangesNothingAndOnlyServicesCallServiceMethods() {
        String viewer = user(Projects.DEFAULT, Role.VIEWER);
        String admin = user(Projects.DEFAULT, Role.ADMIN);
        List<String> wrong = new ArrayList<>();
        for (MethodDescriptor<?, ?> method : methods()) {
            Access access = MethodAccess.of(method);
            if (access == Access.VIEWER) {
                Status.Code code = call(method, viewer);
                if (REFUSED.contains(code)) {
                    wrong.add(method.getFullMethodName() + " refused a viewer: " + code);
                }
            } else {
                expect(wrong, method, "a viewer", viewer, Status.Code.PERMISSION_DENIED);
            }
            if (access == Access.SERVICE) {
                expect(wrong, method, "an admin (a user, not a service)", admin, Status.Code.PERMISSION_DENIED);
            }
        }
        assertThat(wrong).as("calls answered otherwise than expected").isEmpty();
    }

    @Test
    void everyRestRouteRefusesCallersWithoutAValidTokenForItsProject() throws Exception {
        String base = stack.service(ServiceName.SERVING).httpBase();
        List<String[]> routes = List.of(new String[] {"GET", "/v2"}, new String[] {"GET", "/v2/health/live"},
                new String[] {"GET", "/v2/health/ready"}, new String[] {"GET", "/v2/models/iris"},
                new String[] {"GET", "/v2/models/iris/ready"}, new String[] {"GET", "/v2/models/iris/versions/1"},
                new String[] {"GET", "/v2/models/iris/versions/1/ready"}, new String[] {"POST", "/v2/models/iris/infer"},
                new String[] {"POST", "/v2/models/iris/versions/1/infer"}, new String[] {"GET", "/v2/models/stats"},
                new String[] {"GET", "/v2/models/iris/stats"}, new String[] {"GET", "/v2/models/iris/versions/1/stats"},
                new String[] {"GET", "/v2/a-route-added-later"});
        HttpClient http = HttpClient.newBuilder().sslContext(stack.transport().sslContext()).build();
        List<String> wrong = new ArrayList<>();
        for (String[] route : routes) {
            for (Map.Entry<String, Integer> token : Map.of("none", 401, expired(), 401, foreignKey(), 401,
                    unsigned(), 401, user("research", Role.ADMIN), 404).entrySet()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + route[1]))
                        .timeout(Duration.ofSeconds(10))
                        .method(route[0], HttpRequest.BodyPublishers.ofString(route[0].equals("POST") ? "{}" : ""))
                        .header(Projects.HEADER, Projects.DEFAULT);
                if (!token.getKey().equals("none")) {
                    request.header("authorization", "Bearer " + token.getKey());
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != token.getValue() || !response.body().contains("\"error\"")) {
                    wrong.add(route[0] + " " + route[1] + " answered " + response.statusCode() + " " + response.body()
                            + ", not " + token.getValue());
                }
            }
        }
        assertThat(wrong).isEmpty();
        HttpResponse<String> viewer = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/health/live"))
                .header("authorization", "Bearer " + user(Projects.DEFAULT, Role.VIEWER)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viewer.statusCode()).isEqualTo(200);
    }

    @Test
    void aRoleAnAdminGrantsCountsOnEveryServiceUntilItIsRevokedAndBothAreAudited() {
        String project = "granted";
        String gus = TokenSigner.sign(PemKeys.readPrivate(stack.keys().userPrivateKey()), LocalKeys.ISSUER, "gus",
                List.of(), Instant.now(), Instant.now().plus(Duration.ofMinutes(10)));
        ClientInterceptor asAdmin = BearerToken.interceptor(stack.keys().mint("grant-admin", project, Role.ADMIN,
                Duration.ofMinutes(10)));
        AccessServiceGrpc.AccessServiceBlockingStub admin = ProjectHeader.on(AccessServiceGrpc.newBlockingStub(
                CHANNELS.get(ServiceName.REGISTRY)).withInterceptors(asAdmin), project);
        assertThat(admittedOnEveryService(gus, project)).as("before the grant").isEmpty();

        admin.grantRole(GrantRoleRequest.newBuilder().setSubject("gus").setRole(
                dev.aiaas.proto.access.v1.Role.EDITOR).build());

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(admittedOnEveryService(gus, project))
                .as("services that let gus read in %s", project).hasSize(ONE_READ_PER_SERVICE.size()));
        Status setAlias = call(RegistryServiceGrpc.getSetAliasMethod(), gus, project);
        assertThat(setAlias.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(setAlias.getDescription()).contains("gus is editor");
        assertThat(call(RegistryServiceGrpc.getListRegisteredModelsMethod(), gus, Projects.DEFAULT).getCode())
                .as("a project gus was granted nothing in").isEqualTo(Status.Code.NOT_FOUND);
        assertThat(admin.listGrants(ListGrantsRequest.getDefaultInstance()).getGrantsList())
                .extracting(g -> g.getSubject() + " " + g.getRole() + " by " + g.getGrantedBy())
                .containsExactly("gus EDITOR by grant-admin");

        admin.revokeRole(RevokeRoleRequest.newBuilder().setSubject("gus").build());

        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(admittedOnEveryService(gus, project))
                .as("services that still let gus read in %s", project).isEmpty());
        MonitoringServiceGrpc.MonitoringServiceBlockingStub audit = ProjectHeader.on(MonitoringServiceGrpc
                .newBlockingStub(CHANNELS.get(ServiceName.MONITORING)).withInterceptors(asAdmin), project);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(audit.listAuditEvents(ListAuditEventsRequest
                .newBuilder().setMethod("aiaas.access.v1.AccessService").build()).getEventsList())
                .extracting(e -> e.getMethod().substring(e.getMethod().indexOf('/') + 1) + " by " + e.getPrincipal()
                        + " in " + e.getProject() + ": " + e.getOutcome())
                .contains("GrantRole by grant-admin in granted: OK", "RevokeRole by grant-admin in granted: OK"));
    }

    /** The read methods of {@link #ONE_READ_PER_SERVICE} whose service let {@code token} past its gate in {@code project}. */
    private static List<String> admittedOnEveryService(String token, String project) {
        return ONE_READ_PER_SERVICE.stream().filter(method -> {
            Status status = call(method, token, project);
            boolean hidden = status.getCode() == Status.Code.NOT_FOUND && status.getDescription() != null
                    && status.getDescription().startsWith("no project '" + project + "'");
            return !hidden && !REFUSED.contains(status.getCode());
        }).map(MethodDescriptor::getFullMethodName).toList();
    }

    private static List<MethodDescriptor<?, ?>> methods() {
        return DESCRIPTORS.stream().<MethodDescriptor<?, ?>>flatMap(d -> d.getMethods().stream()).toList();
    }

    private static void expect(List<String> wrong, MethodDescriptor<?, ?> method, String who, String token,
            Status.Code expected) {
        Status.Code code = call(method, token);
        if (code != expected) {
            wrong.add(method.getFullMethodName() + " with " + who + ": " + code + ", not " + expected);
        }
    }

    /** Calls {@code method} in the default project with an empty message and returns the status code it closed with. */
    private static Status.Code call(MethodDescriptor<?, ?> method, String token) {
        return call(method, token, Projects.DEFAULT).getCode();
    }

    /** Calls {@code method} in {@code project} with an empty message and returns the status it closed with. */
    private static Status call(MethodDescriptor<?, ?> method, String token, String project) {
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(method.getType()).setFullMethodName(method.getFullMethodName())
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        ClientCall<byte[], byte[]> call = CHANNELS.get(serviceOf(method)).newCall(raw,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS));
        CompletableFuture<Status> closed = new CompletableFuture<>();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of(Projects.HEADER, Metadata.ASCII_STRING_MARSHALLER), project);
        if (token != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, headers);
        call.request(1);
        call.sendMessage(new byte[0]);
        call.halfClose();
        Status status = closed.join();
        call.cancel("done", null);
        return status;
    }

    private static ServiceName serviceOf(MethodDescriptor<?, ?> method) {
        String service = method.getServiceName();
        if (service.startsWith("aiaas.ingest")) {
            return ServiceName.INGEST;
        } else if (service.startsWith("aiaas.preprocess")) {
            return ServiceName.PREPROCESS;
        } else if (service.startsWith("aiaas.training")) {
            return ServiceName.TRAINING;
        } else if (service.startsWith("aiaas.registry") || service.startsWith("aiaas.access")) {
            return ServiceName.REGISTRY;
        } else if (service.startsWith("aiaas.monitoring")) {
            return ServiceName.MONITORING;
        }
        return ServiceName.SERVING; // DeploymentService and the Open Inference Protocol
    }

    private static String user(String project, Role role) {
        return stack.keys().mint("access-test", project, role, Duration.ofMinutes(10));
    }

    private static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return TokenSigner.sign(PemKeys.readPrivate(stack.keys().userPrivateKey()), LocalKeys.ISSUER, "access-test",
                List.of(Projects.DEFAULT + ":admin"), past, past.plusSeconds(60));
    }

    private static String foreignKey() {
        return TokenSigner.sign(PemKeys.generateRsa().getPrivate(), LocalKeys.ISSUER, "access-test",
                List.of(Projects.DEFAULT + ":admin"), Instant.now(), Instant.now().plusSeconds(600));
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"iss\":\"" + LocalKeys.ISSUER + "\",\"upn\":\"access-test\","
                + "\"groups\":[\"default:admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}";
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
