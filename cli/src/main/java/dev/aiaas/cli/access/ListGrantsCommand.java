package dev.aiaas.cli.access;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.access.v1.ListGrantsRequest;
import dev.aiaas.proto.access.v1.ListGrantsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aiaas access list}. */
@Command(name = "list", description = "List the roles granted in the project.")
final class ListGrantsCommand extends ApiCommand {

    @Option(names = "--subject", paramLabel = "SUBJECT", description = "only this user's grant")
    String subject;

    @Override
    protected int run(Session session) {
        ListGrantsResponse answer = session.services().access().listGrants(ListGrantsRequest.newBuilder()
                .setSubject(subject == null ? "" : subject).build());
        session.printer().print(answer, () -> GrantView.list(answer.getGrantsList()));
        return ExitCodes.OK;
    }
}
