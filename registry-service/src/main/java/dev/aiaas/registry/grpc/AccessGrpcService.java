package dev.aiaas.registry.grpc;

import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.access.v1.AccessServiceGrpc;
import dev.aiaas.proto.access.v1.Grant;
import dev.aiaas.proto.access.v1.GrantRoleRequest;
import dev.aiaas.proto.access.v1.ListGrantsRequest;
import dev.aiaas.proto.access.v1.ListGrantsResponse;
import dev.aiaas.proto.access.v1.RevokeRoleRequest;
import dev.aiaas.proto.access.v1.RevokeRoleResponse;
import dev.aiaas.registry.model.ProjectGrant;
import dev.aiaas.registry.service.ProjectGrants;
import dev.aiaas.security.Role;
import dev.aiaas.security.quarkus.CallerAccess;
import dev.aiaas.security.quarkus.ProjectScope;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/**
 * The grants' gRPC edge, hosted by the registry: every call acts within the project it was
 * admitted for (as an admin of it), and the admin's subject is recorded as who granted.
 */
@GrpcService
@Blocking
public class AccessGrpcService extends AccessServiceGrpc.AccessServiceImplBase {

    @Inject
    ProjectGrants grants;

    @Override
    public void grantRole(GrantRoleRequest request, StreamObserver<Grant> response) {
        String project = ProjectScope.current();
        Role role = Role.of(request.getRole()).orElseThrow(() -> DomainException.invalid(
                "name the role to grant: VIEWER, EDITOR or ADMIN"));
        response.onNext(toProto(grants.grant(project, request.getSubject(), role, CallerAccess.subject())));
        response.onCompleted();
    }

    @Override
    public void revokeRole(RevokeRoleRequest request, StreamObserver<RevokeRoleResponse> response) {
        String project = ProjectScope.current();
        Role previous = grants.revoke(project, request.getSubject(), CallerAccess.subject());
        response.onNext(RevokeRoleResponse.newBuilder().setPreviousRole(previous.toProto()).build());
        response.onCompleted();
    }

    @Override
    public void listGrants(ListGrantsRequest request, StreamObserver<ListGrantsResponse> response) {
        String project = ProjectScope.current();
        response.onNext(ListGrantsResponse.newBuilder().addAllGrants(grants.list(project, request.getSubject())
                .stream().map(AccessGrpcService::toProto).toList()).build());
        response.onCompleted();
    }

    private static Grant toProto(ProjectGrant grant) {
        return Grant.newBuilder().setProject(grant.project()).setSubject(grant.subject())
                .setRole(grant.role().toProto()).setGrantedBy(grant.grantedBy())
                .setGrantedAt(RegistryMessages.timestamp(grant.grantedAt())).build();
    }
}
