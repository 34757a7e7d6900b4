package dev.aiaas.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.proto.access.v1.AccessServiceGrpc;
import dev.aiaas.proto.common.v1.Access;
import dev.aiaas.proto.inference.GRPCInferenceServiceGrpc;
import dev.aiaas.proto.ingest.v1.IngestServiceGrpc;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc;
import dev.aiaas.proto.preprocess.v1.PreprocessServiceGrpc;
import dev.aiaas.proto.registry.v1.RegistryServiceGrpc;
import dev.aiaas.proto.serving.v1.DeploymentServiceGrpc;
import dev.aiaas.proto.training.v1.TrainingServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MethodAccessTest {

    /** Every gRPC service the platform serves. */
    static final List<ServiceDescriptor> SERVICES = List.of(
            IngestServiceGrpc.getServiceDescriptor(), PreprocessServiceGrpc.getServiceDescriptor(),
            TrainingServiceGrpc.getServiceDescriptor(), RegistryServiceGrpc.getServiceDescriptor(),
            DeploymentServiceGrpc.getServiceDescriptor(), GRPCInferenceServiceGrpc.getServiceDescriptor(),
            MonitoringServiceGrpc.getServiceDescriptor(), AccessServiceGrpc.getServiceDescriptor());

    @Test
    void everyMethodOfEveryServiceStatesWhoMayCallIt() {
        Map<String, Access> unstated = SERVICES.stream().flatMap(service -> service.getMethods().stream())
                .filter(method -> MethodAccess.of(method) == Access.ACCESS_UNSPECIFIED)
                .collect(Collectors.toMap(MethodDescriptor::getFullMethodName, MethodAccess::of));

        assertThat(unstated).as("RPCs without option (aiaas.common.v1.access)").isEmpty();
        assertThat(SERVICES.stream().mapToInt(service -> service.getMethods().size()).sum()).isEqualTo(59);
    }

    @Test
    void theContractSaysWhatEachKindOfCallNeeds() {
        assertThat(MethodAccess.of(IngestServiceGrpc.getGetDatasetMethod())).isEqualTo(Access.VIEWER);
        assertThat(MethodAccess.of(IngestServiceGrpc.getUploadRecordsMethod())).isEqualTo(Access.EDITOR);
        assertThat(MethodAccess.of(RegistryServiceGrpc.getSetAliasMethod())).isEqualTo(Access.ADMIN);
        assertThat(MethodAccess.of(DeploymentServiceGrpc.getUndeployMethod())).isEqualTo(Access.ADMIN);
        assertThat(MethodAccess.of(RegistryServiceGrpc.getCreateModelVersionMethod())).isEqualTo(Access.SERVICE);
        assertThat(MethodAccess.of(GRPCInferenceServiceGrpc.getModelInferMethod())).isEqualTo(Access.VIEWER);
        assertThat(MethodAccess.of(AccessServiceGrpc.getGrantRoleMethod())).isEqualTo(Access.ADMIN);
        assertThat(MethodAccess.of(AccessServiceGrpc.getListGrantsMethod())).isEqualTo(Access.ADMIN);
        assertThat(MethodAccess.of(RegistryServiceGrpc.getUploadModelVersionMethod())).isEqualTo(Access.EDITOR);
    }

    @Test
    void rolesIncludeTheOnesBeforeThemAndNoneIsAService() {
        assertThat(Role.VIEWER.allows(Access.VIEWER)).isTrue();
        assertThat(Role.VIEWER.allows(Access.EDITOR)).isFalse();
        assertThat(Role.EDITOR.allows(Access.EDITOR)).isTrue();
        assertThat(Role.EDITOR.allows(Access.ADMIN)).isFalse();
        assertThat(Role.ADMIN.allows(Access.ADMIN)).isTrue();
        for (Role role : Role.values()) {
            assertThat(Role.of(role.toProto())).as(role + " as a grant names it").contains(role);
            assertThat(role.allows(Access.SERVICE)).as(role + " on a service-only RPC").isFalse();
            assertThat(role.allows(Access.ACCESS_UNSPECIFIED)).as(role + " on an RPC that states nothing").isFalse();
        }
    }
}
