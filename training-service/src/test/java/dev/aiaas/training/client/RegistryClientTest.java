package dev.aiaas.training.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** How a failed registry call reads in the job's error. */
class RegistryClientTest {

    @Test
    void unreachableRegistryIsUnavailableAndSaysWhereToLook() {
        DomainException e = RegistryClient.translate("register a version of iris",
                Status.UNAVAILABLE.withDescription("io exception"), null);

        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("register a version of iris", "UNAVAILABLE: io exception",
                "registry-service is up", "submit the job again");
    }

    @Test
    void refusedRequestIsAFailedPreconditionWithTheRegistrysReason() {
        DomainException e = RegistryClient.translate("point alias '1' of iris at version 2",
                Status.INVALID_ARGUMENT.withDescription("alias '1' is all digits"), null);

        assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
        assertThat(e.getMessage()).contains("refused", "alias '1' is all digits", "fix the job's model name or alias");
    }

    @Test
    void deadlineExceededCountsAsUnavailable() {
        assertThat(RegistryClient.translate("x", Status.DEADLINE_EXCEEDED, null).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    }
}
