package dev.aiaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void eachServerStatusHasTheExitCodeTheHelpPromises() {
        assertThat(ExitCodes.of(Status.Code.OK)).isEqualTo(0);
        assertThat(ExitCodes.of(Status.Code.NOT_FOUND)).isEqualTo(3);
        assertThat(ExitCodes.of(Status.Code.UNAUTHENTICATED)).isEqualTo(4);
        assertThat(ExitCodes.of(Status.Code.PERMISSION_DENIED)).isEqualTo(4);
        assertThat(ExitCodes.of(Status.Code.UNAVAILABLE)).isEqualTo(5);
        assertThat(ExitCodes.of(Status.Code.DEADLINE_EXCEEDED)).isEqualTo(5);
        assertThat(ExitCodes.of(Status.Code.INVALID_ARGUMENT)).isEqualTo(6);
        assertThat(ExitCodes.of(Status.Code.FAILED_PRECONDITION)).isEqualTo(6);
        assertThat(ExitCodes.of(Status.Code.ALREADY_EXISTS)).isEqualTo(6);
        for (Status.Code other : new Status.Code[] {Status.Code.INTERNAL, Status.Code.UNKNOWN,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.UNIMPLEMENTED, Status.Code.DATA_LOSS}) {
            assertThat(ExitCodes.of(other)).as(other.name()).isEqualTo(1);
        }
    }

    @Test
    void everyExitCodeIsListedInTheHelp() {
        String help = String.join("\n", ExitCodes.HELP);
        for (int code = 0; code <= 7; code++) {
            assertThat(help).contains("  " + code + "  ");
        }
        assertThat(Arrays.stream(ExitCodes.HELP).filter(line -> line.contains("UNAVAILABLE"))).singleElement()
                .asString().contains("./aiaas up");
    }

    @Test
    void aServerErrorIsPrintedAsItsCodeAndTheServersMessage() {
        StringWriter err = new StringWriter();

        int exit = FailureHandler.report(Status.NOT_FOUND.withDescription("no dataset named 'x'").asRuntimeException(),
                new PrintWriter(err, true));

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("aiaas: NOT_FOUND: no dataset named 'x'" + System.lineSeparator());
    }

    @Test
    void anUnreachableStackSaysToStartIt() {
        StringWriter err = new StringWriter();

        int exit = FailureHandler.report(new StatusRuntimeException(Status.UNAVAILABLE.withDescription("io exception")),
                new PrintWriter(err, true));

        assertThat(exit).isEqualTo(5);
        assertThat(err.toString()).contains("aiaas: UNAVAILABLE: io exception").contains("./aiaas up");
    }

    @Test
    void theCommandLinesOwnFailuresKeepTheirCodes() {
        StringWriter err = new StringWriter();
        PrintWriter writer = new PrintWriter(err, true);

        assertThat(FailureHandler.report(CommandFailure.rejectedOrFailed("2 of 10 records were rejected"), writer))
                .isEqualTo(7);
        assertThat(FailureHandler.report(new NoSuchFileException("penguins.csv"), writer)).isEqualTo(2);
        assertThat(FailureHandler.report(new IllegalStateException("no token-signing key"), writer)).isEqualTo(1);
        assertThat(err.toString()).contains("aiaas: 2 of 10 records were rejected")
                .contains("aiaas: no such file: penguins.csv");
    }
}
