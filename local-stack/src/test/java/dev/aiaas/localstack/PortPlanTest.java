package dev.aiaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortPlanTest {

    private final StackOptions freePorts = StackOptions.defaults(Path.of("/repo")).withFreePorts();

    @Test
    void aTakenPortNamesTheServiceAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            StackOptions options = freePorts.withServicePort(ServiceName.REGISTRY, taken.getLocalPort());

            assertThatThrownBy(() -> PortPlan.resolve(options, EnumSet.of(ServiceName.REGISTRY)))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (registry) is already in use")
                    .hasMessageContaining("AIAAS_REGISTRY_PORT=");
        }
    }

    @Test
    void theSamePortForTwoOwnersIsRefusedBeforeAnythingStarts() {
        StackOptions options = freePorts.withInfrastructurePorts(0, 0, 47_123)
                .withServicePort(ServiceName.SERVING, 47_123);

        assertThatThrownBy(() -> PortPlan.resolve(options, EnumSet.of(ServiceName.SERVING)))
                .hasMessageContaining("port 47123 is set for both s3 and serving")
                .hasMessageContaining("AIAAS_SERVING_PORT");
    }

    @Test
    void portZeroGivesEachServiceItsOwnFreePort() {
        Map<ServiceName, Integer> ports = PortPlan.resolve(freePorts, EnumSet.allOf(ServiceName.class));

        assertThat(ports).hasSize(6);
        assertThat(ports.values()).doesNotHaveDuplicates().allMatch(port -> port > 0);
    }
}
