package dev.aiaas.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StatusMappingTest {

    @Test
    void domainFailureKeepsItsCodeAndMessage() {
        Status status = StatusMapping.toStatus(DomainException.notFound("model iris has no version 7"));

        assertThat(status.getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status.getDescription()).isEqualTo("model iris has no version 7");
    }

    @Test
    void wrappedDomainFailureIsUnwrapped() {
        Status status = StatusMapping.toStatus(new CompletionException(DomainException.invalid("bad shape")));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void unexpectedFailureBecomesInternalWithoutInternals() {
        Status status = StatusMapping.toStatus(new NullPointerException("secret.internal.Field"));

        assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getDescription()).doesNotContain("secret").startsWith("internal error ");
    }

    @Test
    void unknownStatusIsNeverPassedOn() {
        Status status = StatusMapping.toStatus(Status.UNKNOWN.withDescription("boom").asRuntimeException());

        assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void explicitStatusPassesThrough() {
        Status status = StatusMapping.toStatus(Status.UNAVAILABLE.withDescription("loading").asException());

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getDescription()).isEqualTo("loading");
    }

    @Test
    void codeOfGivesTheCodeTheClientSeesWithoutAnErrorId() {
        Throwable[] failures = {
            DomainException.invalid("bad"),
            new CompletionException(DomainException.exhausted("full")),
            Status.UNKNOWN.asRuntimeException(),
            Status.NOT_FOUND.asException(),
            new IllegalArgumentException("wrong"),
            new IllegalStateException("bug")};
        for (Throwable failure : failures) {
            assertThat(StatusMapping.codeOf(failure)).as("%s", failure)
                    .isEqualTo(StatusMapping.toStatus(failure).getCode());
        }
    }
}
