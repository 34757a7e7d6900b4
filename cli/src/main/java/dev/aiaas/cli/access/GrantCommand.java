package dev.aiaas.cli.access;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.access.v1.Grant;
import dev.aiaas.proto.access.v1.GrantRoleRequest;
import dev.aiaas.proto.access.v1.Role;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aiaas access grant SUBJECT --role R}. */
@Command(name = "grant", description = "Grant a user a role in the project, replacing a role granted before.")
final class GrantCommand extends ApiCommand {

    /** The roles one may grant ({@code ROLE_UNSPECIFIED} is a revocation). */
    enum GrantedRole { VIEWER, EDITOR, ADMIN }

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "the user, as their tokens name them")
    String subject;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, editor or admin")
    GrantedRole role;

    @Override
    protected int run(Session session) {
        Grant grant = session.services().access().grantRole(GrantRoleRequest.newBuilder().setSubject(subject)
                .setRole(Role.valueOf(role.name())).build());
        session.printer().print(grant, () -> GrantView.list(List.of(grant)));
        return ExitCodes.OK;
    }
}
