package dev.aiaas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.proto.common.v1.Access;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessGateTest {

    private static final String USERS = "https://id.example.test";
    private static final String SERVICES = ServiceTokens.ISSUER;

    @TempDir
    static Path keys;

    private static KeyPair userKey;
    private static KeyPair serviceKey;
    private static AccessGate gate;
    private static final GrantDirectory GRANTED = new GrantDirectory();

    @BeforeAll
    static void keys() throws Exception {
        userKey = PemKeys.generateRsa();
        serviceKey = PemKeys.generateRsa();
        Files.writeString(keys.resolve("users.pem"), PemKeys.publicPem(userKey.getPublic()));
        Files.writeString(keys.resolve("services.pem"), PemKeys.publicPem(serviceKey.getPublic()));
        Files.writeString(keys.resolve("services-private.pem"), PemKeys.privatePem(serviceKey.getPrivate()));
        gate = new AccessGate(new TokenVerifier(new TokenKeys(USERS, keys.resolve("users.pem").toString()),
                new TokenKeys(SERVICES, keys.resolve("services.pem").toString())), GRANTED);
    }

    @Test
    void anEditorMayTrainAndReadInTheirProject() throws Exception {
        String token = user("ana", "default:editor");

        assertThat(gate.admit(bearer(token), null, Access.EDITOR, "SubmitJob").caller().subject()).isEqualTo("ana");
        Admission read = gate.admit(bearer(token), "default", Access.VIEWER, "GetJob");
        assertThat(read.caller().grants()).containsEntry("default", Role.EDITOR);
        assertThat(read.project()).isEqualTo("default");
    }

    @Test
    void noTokenAnExpiredOneOneSignedWithAnotherKeyAndAnUnsignedOneAreUnauthenticated() {
        KeyPair stranger = PemKeys.generateRsa();
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = TokenSigner.sign(userKey.getPrivate(), USERS, "ana", List.of("default:admin"), past,
                past.plusSeconds(60));
        String otherKey = TokenSigner.sign(stranger.getPrivate(), USERS, "ana", List.of("default:admin"),
                Instant.now(), Instant.now().plusSeconds(600));
        String unsigned = unsigned("{\"iss\":\"" + USERS + "\",\"upn\":\"ana\",\"groups\":[\"default:admin\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}");

        assertDenied(null, null, Access.VIEWER, Status.Code.UNAUTHENTICATED, "needs a bearer token");
        assertDenied("Basic YW5hOnB3", null, Access.VIEWER, Status.Code.UNAUTHENTICATED, "needs a bearer token");
        assertDenied(bearer(expired), null, Access.VIEWER, Status.Code.UNAUTHENTICATED, "not accepted");
        assertDenied(bearer(otherKey), null, Access.VIEWER, Status.Code.UNAUTHENTICATED, "not accepted");
        assertDenied(bearer(unsigned), null, Access.VIEWER, Status.Code.UNAUTHENTICATED, "not accepted");
    }

    @Test
    void aViewerMayNotChangeAnythingAndAnEditorMayNotMoveAliases() {
        assertDenied(bearer(user("vic", "default:viewer")), null, Access.EDITOR, Status.Code.PERMISSION_DENIED,
                "needs the role editor in project default; vic is viewer");
        assertDenied(bearer(user("ed", "default:editor")), null, Access.ADMIN, Status.Code.PERMISSION_DENIED,
                "needs the role admin");
    }

    @Test
    void aProjectTheCallerHoldsNoRoleInIsNotFoundAndOneAGrantNamesExists() throws Exception {
        String token = user("ana", "default:admin");

        assertDenied(bearer(token), "research", Access.VIEWER, Status.Code.NOT_FOUND, "no project 'research'");
        assertThat(gate.admit(bearer(user("bo", "research:admin")), null, Access.ADMIN, "Set").project())
                .isEqualTo("research");
        assertDenied(bearer(token), "../default", Access.VIEWER, Status.Code.NOT_FOUND, "no project '../default'");
    }

    @Test
    void onlyAServiceTokenPassesWhereOnlyAServiceIsAllowedAndAUserCannotForgeOne() throws Exception {
        ServiceTokens training = new ServiceTokens("training-service", SERVICES,
                PemKeys.readPrivate(keys.resolve("services-private.pem")), Duration.ofMinutes(10), Clock.systemUTC());
        String forged = TokenSigner.sign(userKey.getPrivate(), SERVICES, "training-service", List.of(), Instant.now(),
                Instant.now().plusSeconds(600));

        Caller service = gate.admit(bearer(training.current()), null, Access.SERVICE, "CreateModelVersion").caller();

        assertThat(service.service()).isTrue();
        assertThat(service.subject()).isEqualTo("training-service");
        assertDenied(bearer(user("root", "default:admin")), null, Access.SERVICE, Status.Code.PERMISSION_DENIED,
                "platform's services only");
        assertDenied(bearer(forged), null, Access.SERVICE, Status.Code.UNAUTHENTICATED, "not accepted");
    }

    @Test
    void aTokenForSeveralProjectsMustNameOne() {
        assertDenied(bearer(user("ana", "default:admin", "research:viewer")), null, Access.VIEWER,
                Status.Code.INVALID_ARGUMENT, "aiaas-project");
    }

    @Test
    void aRoleTheAdminGrantedLetsAUserWithoutGroupsIntoThatProjectUntilItIsRevoked() throws Exception {
        String token = bearer(user("gus"));
        assertDenied(token, null, Access.VIEWER, Status.Code.PERMISSION_DENIED, "no admin has granted one");

        grant("research", "gus", dev.aiaas.proto.access.v1.Role.EDITOR);

        Admission admitted = gate.admit(token, null, Access.EDITOR, "SubmitJob");
        assertThat(admitted.project()).isEqualTo("research");
        assertDenied(token, "research", Access.ADMIN, Status.Code.PERMISSION_DENIED, "gus is editor");
        assertDenied(token, "default", Access.VIEWER, Status.Code.NOT_FOUND, "no project 'default'");

        grant("research", "gus", dev.aiaas.proto.access.v1.Role.ROLE_UNSPECIFIED);

        assertDenied(token, "research", Access.VIEWER, Status.Code.NOT_FOUND, "no project 'research'");
    }

    @Test
    void theHigherOfTheTokensRoleAndTheGrantedOneCounts() throws Exception {
        grant("default", "vera", dev.aiaas.proto.access.v1.Role.ADMIN);
        grant("default", "ada", dev.aiaas.proto.access.v1.Role.VIEWER);

        assertThat(gate.admit(bearer(user("vera", "default:viewer")), null, Access.ADMIN, "SetAlias").project())
                .isEqualTo("default");
        assertThat(gate.admit(bearer(user("ada", "default:admin")), null, Access.ADMIN, "SetAlias").project())
                .isEqualTo("default");
    }

    @Test
    void aGrantToAServicesNameGivesAUserTokenOfThatNameNothingOnServiceMethods() throws Exception {
        grant("default", "training-service", dev.aiaas.proto.access.v1.Role.ADMIN);

        assertDenied(bearer(user("training-service")), null, Access.SERVICE, Status.Code.PERMISSION_DENIED,
                "platform's services only");
    }

    private static void grant(String project, String subject, dev.aiaas.proto.access.v1.Role role) throws Exception {
        GRANTED.apply(dev.aiaas.events.Topics.grantKey(project, subject), dev.aiaas.proto.events.v1.GrantChanged
                .newBuilder().setGrant(dev.aiaas.proto.access.v1.Grant.newBuilder().setProject(project)
                        .setSubject(subject).setRole(role)).build().toByteArray());
    }

    private static String user(String name, String... groups) {
        return TokenSigner.sign(userKey.getPrivate(), USERS, name, List.of(groups), Instant.now(),
                Instant.now().plusSeconds(600));
    }

    private static String unsigned(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void assertDenied(String authorization, String project, Access access, Status.Code code,
            String message) {
        assertThatThrownBy(() -> gate.admit(authorization, project, access, "TheMethod"))
                .isInstanceOfSatisfying(AccessDenied.class, denied -> {
                    assertThat(denied.code()).isEqualTo(code);
                    assertThat(denied.getMessage()).contains(message);
                });
    }
}
