package dev.aiaas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aiaas.events.KafkaConnection;
import dev.aiaas.events.TopicReplay;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.access.v1.AccessServiceGrpc.AccessServiceBlockingStub;
import dev.aiaas.proto.access.v1.Grant;
import dev.aiaas.proto.access.v1.GrantRoleRequest;
import dev.aiaas.proto.access.v1.ListGrantsRequest;
import dev.aiaas.proto.access.v1.RevokeRoleRequest;
import dev.aiaas.proto.access.v1.Role;
import dev.aiaas.security.GrantDirectory;
import dev.aiaas.security.ProjectHeader;
import dev.aiaas.testing.RealServers;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.aiaas.testing.RealServersResource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin grants a role in their project, replaces it and revokes it; each change is stored
 * (ListGrants) and reaches a {@link GrantDirectory} that reads {@value Topics#ACCESS_GRANTS}, as
 * every service's does. Security is off in module tests, so calls name their project in the header.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
class AccessServiceTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(20);
    private static final GrantDirectory DIRECTORY = new GrantDirectory();
    private static TopicReplay replay;

    @GrpcClient("access")
    AccessServiceBlockingStub access;

    @BeforeAll
    static void readTheTopic() {
        replay = TopicReplay.start(KafkaConnection.plain(RealServers.get().kafkaBootstrap()), Topics.ACCESS_GRANTS,
                "access-test", DIRECTORY::apply);
    }

    @AfterAll
    static void stopReading() {
        replay.close();
    }

    @Test
    void aGrantIsStoredInItsProjectOnlyAndReachesTheServicesDirectory() {
        Grant granted = in("alpha").grantRole(grant("ana", Role.EDITOR));

        assertThat(granted.getProject()).isEqualTo("alpha");
        assertThat(granted.getRole()).isEqualTo(Role.EDITOR);
        assertThat(granted.getGrantedAt().getSeconds()).isPositive();
        assertThat(in("alpha").listGrants(ListGrantsRequest.newBuilder().setSubject("ana").build()).getGrantsList())
                .extracting(Grant::getSubject, Grant::getRole).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "ana", Role.EDITOR));
        assertThat(in("beta").listGrants(ListGrantsRequest.getDefaultInstance()).getGrantsList())
                .extracting(Grant::getSubject).doesNotContain("ana");
        await().atMost(PROPAGATION).until(() -> DIRECTORY.of("ana").equals(
                Map.of("alpha", dev.aiaas.security.Role.EDITOR)));
    }

    @Test
    void grantingTheRoleHeldChangesNothingAndAnotherRoleReplacesIt() {
        Grant first = in("alpha").grantRole(grant("bo", Role.VIEWER));
        Grant again = in("alpha").grantRole(grant("bo", Role.VIEWER));
        Grant raised = in("alpha").grantRole(grant("bo", Role.ADMIN));

        assertThat(again.getGrantedAt()).isEqualTo(first.getGrantedAt());
        assertThat(raised.getRole()).isEqualTo(Role.ADMIN);
        assertThat(in("alpha").listGrants(ListGrantsRequest.newBuilder().setSubject("bo").build()).getGrantsList())
                .extracting(Grant::getRole).containsExactly(Role.ADMIN);
        await().atMost(PROPAGATION).until(() -> DIRECTORY.of("bo").equals(
                Map.of("alpha", dev.aiaas.security.Role.ADMIN)));
    }

    @Test
    void aRevokedRoleIsGoneEverywhereAndRevokingItAgainIsNotFound() {
        in("alpha").grantRole(grant("cy", Role.EDITOR));
        in("beta").grantRole(grant("cy", Role.VIEWER));
        await().atMost(PROPAGATION).until(() -> DIRECTORY.of("cy").size() == 2);

        assertThat(in("alpha").revokeRole(revoke("cy")).getPreviousRole()).isEqualTo(Role.EDITOR);

        assertThat(in("alpha").listGrants(ListGrantsRequest.newBuilder().setSubject("cy").build()).getGrantsList())
                .isEmpty();
        await().atMost(PROPAGATION).until(() -> DIRECTORY.of("cy").equals(
                Map.of("beta", dev.aiaas.security.Role.VIEWER)));
        assertThatThrownBy(() -> in("alpha").revokeRole(revoke("cy")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("'cy' holds no granted role in project alpha");
                });
    }

    @Test
    void aGrantWithoutSubjectOrRoleOrWithControlCharactersIsRefusedWithWhatToFix() {
        assertInvalid(grant("", Role.VIEWER), "name the subject");
        assertInvalid(grant("dee", Role.ROLE_UNSPECIFIED), "VIEWER, EDITOR or ADMIN");
        assertInvalid(grant("dee\nadmin", Role.VIEWER), "control characters");
        assertInvalid(grant(" dee", Role.VIEWER), "spaces around it");
        assertInvalid(grant("d".repeat(257), Role.VIEWER), "at most 256");
        assertThat(in("alpha").listGrants(ListGrantsRequest.getDefaultInstance()).getGrantsList())
                .extracting(Grant::getSubject).noneMatch(subject -> subject.contains("dee"));
    }

    private void assertInvalid(GrantRoleRequest request, String message) {
        assertThatThrownBy(() -> in("alpha").grantRole(request))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains(message);
                });
    }

    private AccessServiceBlockingStub in(String project) {
        return ProjectHeader.on(access, project);
    }

    private static GrantRoleRequest grant(String subject, Role role) {
        return GrantRoleRequest.newBuilder().setSubject(subject).setRole(role).build();
    }

    private static RevokeRoleRequest revoke(String subject) {
        return RevokeRoleRequest.newBuilder().setSubject(subject).build();
    }
}
