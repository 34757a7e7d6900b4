package dev.aiaas.cli.jobs;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas jobs show ID}: the job, its test metrics and confusion matrix. */
@Command(name = "show", description = {"Show a job.",
    "Its spec and state, and when done its test metrics and confusion matrix."})
final class ShowJobCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job")
    String id;

    @Override
    protected int run(Session session) {
        Job job = session.services().training().getJob(GetJobRequest.newBuilder().setId(id).build());
        session.printer().print(job, () -> JobView.full(job));
        return ExitCodes.OK;
    }
}
