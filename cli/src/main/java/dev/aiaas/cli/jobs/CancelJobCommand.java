package dev.aiaas.cli.jobs;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.training.v1.CancelJobRequest;
import dev.aiaas.proto.training.v1.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas jobs cancel ID}. */
@Command(name = "cancel", description = {"Stop a queued or running job.",
    "It ends CANCELLED; a finished job is left as it is."})
final class CancelJobCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job")
    String id;

    @Override
    protected int run(Session session) {
        Job job = session.services().training().cancelJob(CancelJobRequest.newBuilder().setId(id).build());
        session.printer().print(job, () -> JobView.details(job));
        return ExitCodes.OK;
    }
}
