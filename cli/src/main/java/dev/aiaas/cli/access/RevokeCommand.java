package dev.aiaas.cli.access;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.access.v1.RevokeRoleRequest;
import dev.aiaas.proto.access.v1.RevokeRoleResponse;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas access revoke SUBJECT}. */
@Command(name = "revoke", description = {"Take away a role granted in the project.",
    "A role the user's token carries stays."})
final class RevokeCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "the user")
    String subject;

    @Override
    protected int run(Session session) {
        RevokeRoleResponse answer = session.services().access().revokeRole(RevokeRoleRequest.newBuilder()
                .setSubject(subject).build());
        session.printer().print(answer, () -> "revoked: " + subject + " held "
                + answer.getPreviousRole().name().toLowerCase(Locale.ROOT));
        return ExitCodes.OK;
    }
}
