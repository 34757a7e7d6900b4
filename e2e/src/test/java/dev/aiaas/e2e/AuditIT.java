package dev.aiaas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.Services;
import dev.aiaas.cli.demo.DemoDataset;
import dev.aiaas.cli.demo.LifecycleRun;
import dev.aiaas.cli.demo.Progress;
import dev.aiaas.localstack.LocalStack;
import dev.aiaas.proto.events.v1.CallAudited;
import dev.aiaas.proto.ingest.v1.CreateDatasetRequest;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsRequest;
import dev.aiaas.proto.monitoring.v1.ListAuditEventsResponse;
import dev.aiaas.proto.registry.v1.AliasChange;
import dev.aiaas.proto.registry.v1.GetAliasHistoryRequest;
import dev.aiaas.proto.registry.v1.SetAliasRequest;
import dev.aiaas.errors.Projects;
import dev.aiaas.security.Role;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing call is on the audit trail with who made it, for which project, what it
 * asked and how it ended, refusals included, and an admin lists it; alias history names who
 * moved each alias (the training service when a job registered its model, a user otherwise).
 */
class AuditIT {

    private static LocalStack stack;
    private static Services services;

    @BeforeAll
    static void connect() {
        stack = RunningStack.get();
        services = RunningStack.connect(stack);
    }

    @AfterAll
    static void leaveTheStackServing() throws InterruptedException {
        RunningStack.leaveServing(services);
    }

    @Test
    void aCreatedDatasetAndARefusedOneAreOnTheTrailWithWhoAndHowItEnded() throws Exception {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        services.ingest().createDataset(CreateDatasetRequest.newBuilder().setName(name)
                .setSchema(DemoDataset.iris(ServicesUnderTest.repositoryRoot().resolve("datasets")).schema()).build());
        String refusedName = name + "-by-viewer";
        try (Services viewer = Services.connect(RunningStack.addresses(stack), stack.transport(),
                stack.keys().mint("vic", Projects.DEFAULT, Role.VIEWER, Duration.ofMinutes(10)))) {
            assertThatThrownBy(() -> viewer.ingest().createDataset(CreateDatasetRequest.newBuilder()
                    .setName(refusedName).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }

        CallAudited created = awaitEvent(e -> e.getRequest().contains("\"" + name + "\""));
        CallAudited refused = awaitEvent(e -> e.getOutcome().equals("PERMISSION_DENIED")
                && e.getMethod().endsWith("/CreateDataset") && e.getPrincipal().equals("vic"));

        assertThat(created.getService()).isEqualTo("ingest-service");
        assertThat(created.getMethod()).isEqualTo("aiaas.ingest.v1.IngestService/CreateDataset");
        assertThat(created.getPrincipal()).isEqualTo("e2e");
        assertThat(created.getProject()).isEqualTo(Projects.DEFAULT);
        assertThat(created.getOutcome()).isEqualTo("OK");
        assertThat(refused.getOutcomeMessage()).contains("needs the role editor");
        assertThatThrownBy(() -> services.monitoring().listAuditEvents(ListAuditEventsRequest.newBuilder()
                .setProject("research").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void aliasHistoryNamesTheTrainingServiceAndTheUserWhoMovedEachAlias() throws Exception {
        DemoDataset iris = DemoDataset.iris(ServicesUnderTest.repositoryRoot().resolve("datasets"));
        String model = "audited-iris-" + UUID.randomUUID().toString().substring(0, 6);
        LifecycleRun.Result run = new LifecycleRun(services, new Progress(System.out)).run(new DemoDataset(model,
                iris.file(), iris.format(), iris.schema(), iris.family(), iris.hyperparameters()));
        services.registry().setAlias(SetAliasRequest.newBuilder().setModelName(model).setAlias("staging")
                .setVersion(run.job().getModelVersion()).build());

        List<AliasChange> history = services.registry().getAliasHistory(GetAliasHistoryRequest.newBuilder()
                .setModelName(model).build()).getChangesList();

        assertThat(history).filteredOn(c -> c.getAlias().equals("champion")).extracting(AliasChange::getMovedBy)
                .containsExactly("training-service");
        assertThat(history).filteredOn(c -> c.getAlias().equals("staging")).extracting(AliasChange::getMovedBy)
                .containsExactly("e2e");
    }

    private static CallAudited awaitEvent(Predicate<CallAudited> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ListAuditEventsResponse page = services.monitoring().listAuditEvents(ListAuditEventsRequest.newBuilder()
                    .setMethod("CreateDataset").setPageSize(1000).build());
            for (CallAudited event : page.getEventsList()) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no such audit event within 30 s");
    }
}
